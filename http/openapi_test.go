package http

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// spec is the part of an OpenAPI 3.0 document the checks read.
type spec struct {
	Paths map[string]map[string]struct {
		Parameters []struct {
			Name string `json:"name"`
			In   string `json:"in"`
		} `json:"parameters"`
		Responses map[string]struct {
			Content map[string]struct {
				Schema map[string]any `json:"schema"`
			} `json:"content"`
		} `json:"responses"`
	} `json:"paths"`
	Components struct {
		Schemas map[string]map[string]any `json:"schemas"`
	} `json:"components"`
}

func loadSpec(t *testing.T) *spec {
	t.Helper()
	var sp spec
	if err := json.Unmarshal(openapiJSON, &sp); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	return &sp
}

// TestOpenAPIMatchesRoutes holds the description and the mux to each
// other: the same operations, and the same query parameters, which the
// handlers enforce by refusing any other.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	sp := loadSpec(t)
	s := &Server{}
	inMux := map[string]bool{}
	for _, r := range s.routes() {
		key := r.method + " " + r.path
		inMux[key] = true
		op, ok := sp.Paths[r.path][strings.ToLower(r.method)]
		if !ok {
			t.Errorf("%s: in the mux, not in openapi.json", key)
			continue
		}
		var query, path []string
		for _, p := range op.Parameters {
			switch p.In {
			case "query":
				query = append(query, p.Name)
			case "path":
				path = append(path, p.Name)
			}
		}
		want := slices.Clone(r.params)
		sort.Strings(want)
		sort.Strings(query)
		if !slices.Equal(query, want) {
			t.Errorf("%s: spec documents query parameters %v, handler takes %v", key, query, want)
		}
		var wild []string
		for _, seg := range strings.Split(r.path, "/") {
			if strings.HasPrefix(seg, "{") {
				wild = append(wild, strings.Trim(seg, "{}"))
			}
		}
		if !slices.Equal(path, wild) {
			t.Errorf("%s: spec documents path parameters %v, want %v", key, path, wild)
		}
		if len(op.Responses) == 0 {
			t.Errorf("%s: no responses documented", key)
		}
	}
	for path, ops := range sp.Paths {
		for m := range ops {
			if key := strings.ToUpper(m) + " " + path; !inMux[key] {
				t.Errorf("%s: in openapi.json, not in the mux", key)
			}
		}
	}
}

// validate checks v against an OpenAPI 3.0 schema: types, nullability,
// required properties, array items and enums, following $ref and allOf.
// It is what clients rely on, without a schema library.
func (sp *spec) validate(v any, schema map[string]any, at string) []string {
	if ref, ok := schema["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/components/schemas/")
		target, ok := sp.Components.Schemas[name]
		if !ok {
			return []string{at + ": unknown schema " + ref}
		}
		return sp.validate(v, target, at)
	}
	if v == nil {
		if schema["nullable"] == true {
			return nil
		}
		return []string{at + ": null, schema not nullable"}
	}
	var errs []string
	if all, ok := schema["allOf"].([]any); ok {
		for _, s := range all {
			errs = append(errs, sp.validate(v, s.(map[string]any), at)...)
		}
	}
	if enum, ok := schema["enum"].([]any); ok && !slices.Contains(enum, v) {
		errs = append(errs, fmt.Sprintf("%s: %v not in %v", at, v, enum))
	}
	typ, _ := schema["type"].(string)
	ok := true
	switch typ {
	case "object":
		var m map[string]any
		if m, ok = v.(map[string]any); ok {
			for _, r := range asStrings(schema["required"]) {
				if _, present := m[r]; !present {
					errs = append(errs, at+": missing required "+r)
				}
			}
			props, _ := schema["properties"].(map[string]any)
			for name, ps := range props {
				if pv, present := m[name]; present {
					errs = append(errs, sp.validate(pv, ps.(map[string]any), at+"."+name)...)
				}
			}
		}
	case "array":
		var a []any
		if a, ok = v.([]any); ok {
			items, _ := schema["items"].(map[string]any)
			for i, x := range a {
				errs = append(errs, sp.validate(x, items, at+"["+strconv.Itoa(i)+"]")...)
			}
		}
	case "string":
		_, ok = v.(string)
	case "number":
		_, ok = v.(float64)
	case "integer":
		f, isNum := v.(float64)
		ok = isNum && f == float64(int64(f))
	case "boolean":
		_, ok = v.(bool)
	}
	if !ok {
		errs = append(errs, fmt.Sprintf("%s: %T is not %s", at, v, typ))
	}
	return errs
}

func asStrings(v any) []string {
	var out []string
	list, _ := v.([]any)
	for _, x := range list {
		out = append(out, x.(string))
	}
	return out
}

// checkResponse validates a response body against the schema documented
// for the route and status.
func (sp *spec) checkResponse(t *testing.T, method, path string, status int, body []byte) {
	t.Helper()
	op, ok := sp.Paths[path][strings.ToLower(method)]
	if !ok {
		t.Errorf("%s %s: not documented", method, path)
		return
	}
	resp, ok := op.Responses[strconv.Itoa(status)]
	if !ok {
		t.Errorf("%s %s: status %d not documented", method, path, status)
		return
	}
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Errorf("%s %s: %v", method, path, err)
		return
	}
	for _, e := range sp.validate(v, resp.Content["application/json"].Schema, "body") {
		t.Errorf("%s %s %d: %s", method, path, status, e)
	}
}

func TestValidatorCatchesMistakes(t *testing.T) {
	sp := loadSpec(t)
	schema := map[string]any{"$ref": "#/components/schemas/EventPage"}
	for _, body := range []string{`{"events": []}`, `{"events": [{"id": 1}], "next": ""}`, `{"events": null, "next": ""}`} {
		var v any
		json.Unmarshal([]byte(body), &v)
		if len(sp.validate(v, schema, "body")) == 0 {
			t.Errorf("%s: accepted", body)
		}
	}
}
