package eventkey

import (
	"testing"

	"github.com/khaldun/khaldun"
)

func TestKey(t *testing.T) {
	base := khaldun.Event{Source: khaldun.Actor{Code: "USAGOV"}, Code: "040", Date: "2024-05-01"}
	withTarget := base
	withTarget.Target = &khaldun.Actor{Code: "RUSGOV"}
	undated := base
	undated.Date = ""
	placed := base
	placed.Location = &khaldun.Location{Name: " Geneva "}
	placedLower := base
	placedLower.Location = &khaldun.Location{Name: "geneva"}
	byID := base
	byID.Location = &khaldun.Location{Name: "Genf", GeonameID: 2660646}
	byIDOtherName := base
	byIDOtherName.Location = &khaldun.Location{Name: "Geneva", GeonameID: 2660646}
	tests := []struct {
		name       string
		a, b       *khaldun.Event
		pubA, pubB string
		artA, artB string
		same       bool
	}{
		{"identical", &base, &base, "", "", "x", "y", true},
		{"target matters", &base, &withTarget, "", "", "x", "x", false},
		{"publication date stands in", &undated, &base, "2024-05-01", "", "x", "y", true},
		{"undated stays with its article", &undated, &undated, "", "", "x", "y", false},
		{"place names fold case and space", &placed, &placedLower, "", "", "x", "y", true},
		{"GeoNames id wins over the name", &byID, &byIDOtherName, "", "", "x", "y", true},
		{"a place makes another event", &base, &placed, "", "", "x", "x", false},
	}
	for _, tt := range tests {
		ka, kb := Key(tt.a, tt.pubA, tt.artA), Key(tt.b, tt.pubB, tt.artB)
		if (ka == kb) != tt.same || len(ka) != 16 {
			t.Errorf("%s: keys %s and %s", tt.name, ka, kb)
		}
	}
}

func TestOutlet(t *testing.T) {
	tests := []struct {
		a    khaldun.Article
		want string
	}{
		{khaldun.Article{ID: "x", Source: " Reuters ", URL: "https://www.bbc.co.uk/a"}, "reuters"},
		{khaldun.Article{ID: "x", URL: "https://WWW.BBC.co.uk/a"}, "bbc.co.uk"},
		{khaldun.Article{ID: "x", URL: "not a url"}, "x"},
		{khaldun.Article{ID: "x"}, "x"},
	}
	for _, tt := range tests {
		if got := Outlet(&tt.a); got != tt.want {
			t.Errorf("Outlet(%+v) = %q, want %q", tt.a, got, tt.want)
		}
	}
}
