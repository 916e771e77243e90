// leaflet.markercluster extends the global L rather than importing
// Leaflet; this module sets that global before the plugin is evaluated
// (ES modules run in import order).
import L from "leaflet";

(window as unknown as { L: typeof L }).L = L;
export default L;
