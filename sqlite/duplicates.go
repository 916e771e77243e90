package sqlite

import (
	"database/sql"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/dedup"
	"github.com/khaldun/khaldun/eventkey"
)

// candidate is a stored article near-duplicating the one being saved.
type candidate struct {
	seq, root  int64
	sourceKey  string
	similarity float64
}

// nearDuplicates finds stored articles sharing an LSH band with sk and
// keeps those similar enough, most similar (then earliest) first.
func (w *writer) nearDuplicates(sk *dedup.Sketch) ([]candidate, error) {
	if sk == nil {
		return nil, nil
	}
	seen := map[int64]bool{}
	var out []candidate
	for _, key := range sk.BandKeys() {
		// A band shared by very many articles is boilerplate, not
		// syndication; the limit keeps one such band from costing a scan.
		st, err := w.stmt(`SELECT article FROM article_bands WHERE key = ? LIMIT 64`)
		if err != nil {
			return nil, err
		}
		rows, err := st.QueryContext(w.ctx, key)
		if err != nil {
			return nil, err
		}
		var seqs []int64
		for rows.Next() {
			var seq int64
			if err := rows.Scan(&seq); err != nil {
				rows.Close()
				return nil, err
			}
			if !seen[seq] {
				seen[seq] = true
				seqs = append(seqs, seq)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		for _, seq := range seqs {
			var blob []byte
			var dupOf sql.NullInt64
			c := candidate{seq: seq}
			err := w.queryRow(`SELECT sketch, duplicate_of, source_key FROM articles WHERE seq = ?`, seq).
				Scan(&blob, &dupOf, &c.sourceKey)
			if err != nil {
				return nil, err
			}
			var other dedup.Sketch
			if other.UnmarshalBinary(blob) != nil {
				continue
			}
			if c.similarity = sk.Similarity(&other); c.similarity < dedup.Threshold {
				continue
			}
			c.root = seq
			if dupOf.Valid {
				c.root = dupOf.Int64
			}
			out = append(out, c)
		}
	}
	for i := 1; i < len(out); i++ { // few candidates: insertion sort
		for j := i; j > 0 && better(out[j], out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out, nil
}

func better(a, b candidate) bool {
	if a.similarity != b.similarity {
		return a.similarity > b.similarity
	}
	return a.seq < b.seq
}

// outlet names who published an article for NumSources (eventkey.Outlet).
func outlet(a *khaldun.Article) string { return eventkey.Outlet(a) }
