package sqlite

import (
	"context"
	"fmt"
	"testing"

	"github.com/khaldun/khaldun"
)

// Every annotation row arrives once, in order, whatever the count. (Save
// writes them a row a statement: multi-row INSERTs were tried and cost
// more, each needing a statement journal that SQLite writes to a temp
// file — 15% more pwrite calls for the same articles.)
func TestSaveAnnotationRows(t *testing.T) {
	for _, n := range []int{0, 1, 2, 31, 32, 33, 70} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			s := openTest(t)
			c := coded(fmt.Sprint("rows", n), "Wire", "2024-05-01", talks)
			d := c.Doc
			for i := range n {
				sp := khaldun.Span{Start: i, End: i + 3}
				d.Entities = append(d.Entities, khaldun.Entity{Text: fmt.Sprint("e", i), Type: "ORG", Span: sp})
				d.Places = append(d.Places, khaldun.Place{Text: fmt.Sprint("p", i), Span: sp, Name: "Geneva", Country: "CHE", Lat: 46.2, Lon: 6.1, GeonameID: 2660646})
				d.Dates = append(d.Dates, khaldun.Date{Text: fmt.Sprint("d", i), Span: sp, Value: "2024-05-01"})
				d.Quotes = append(d.Quotes, khaldun.Quote{Text: fmt.Sprint("q", i), Span: sp, Speaker: "officials"})
				d.Counts = append(d.Counts, khaldun.Count{Type: "killed", Number: int64(i), Object: fmt.Sprint("c", i), Span: sp})
			}
			if _, err := s.Save(context.Background(), c); err != nil {
				t.Fatal(err)
			}
			for _, tab := range []struct{ table, col, prefix string }{
				{"entities", "text", "e"}, {"places", "text", "p"}, {"dates", "text", "d"},
				{"quotes", "text", "q"}, {"counts", "object", "c"},
			} {
				rows, err := s.read.Query(fmt.Sprintf(`SELECT ord, %s, start FROM %s ORDER BY ord`, tab.col, tab.table))
				if err != nil {
					t.Fatal(err)
				}
				i := 0
				for rows.Next() {
					var ord, start int
					var text string
					if err := rows.Scan(&ord, &text, &start); err != nil {
						t.Fatal(err)
					}
					if ord != i || text != fmt.Sprint(tab.prefix, i) || start != i {
						t.Errorf("%s row %d: ord %d, %s %q, start %d", tab.table, i, ord, tab.col, text, start)
					}
					i++
				}
				rows.Close()
				if i != n {
					t.Errorf("%s: %d rows, want %d", tab.table, i, n)
				}
			}
		})
	}
}
