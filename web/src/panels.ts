// The shells of the chart panels, built before their libraries load (each
// view is a separate chunk, fetched in parallel), so the page has its
// layout and loading states at once.

import { h } from "./dom";
import { quadNames } from "./state";

export const timelinePanel = () => h("section", { class: "panel timeline", "aria-labelledby": "tl-h" },
  h("header", {},
    h("h2", { id: "tl-h" }, "Timeline"),
    h("label", {}, "Interval ", h("select", { name: "interval" }, h("option", { value: "" }, "auto"),
      h("option", { value: "day" }, "day"), h("option", { value: "week" }, "week"), h("option", { value: "month" }, "month"))),
    h("button", { type: "button", class: "reset secondary" }, "All dates")),
  h("p", { class: "status", role: "status", "aria-live": "polite" }),
  h("div", { class: "chart", role: "img", "aria-label": "Events per period by quad class; drag across to choose dates" }),
  h("p", { class: "note" }));

export const mapPanel = () => h("section", { class: "panel mapp", "aria-labelledby": "map-h" },
  h("header", {}, h("h2", { id: "map-h" }, "Map"),
    h("span", { class: "legend" }, ...Object.entries(quadNames).map(([q, n]) =>
      h("span", { class: `key quad-${q}` }, h("i", {}), n)))),
  h("p", { class: "status", role: "status", "aria-live": "polite" }),
  h("div", { class: "map", "aria-label": "Map of event places; each marker filters to its place" }),
  h("p", { class: "note" }));

export const networkPanel = () => h("section", { class: "panel network", "aria-labelledby": "net-h" },
  h("header", {}, h("h2", { id: "net-h" }, "Actor network"),
    h("span", { class: "legend" }, h("span", { class: "key gs-neg" }, h("i", {}), "conflictual"),
      h("span", { class: "key gs-pos" }, h("i", {}), "cooperative"))),
  h("p", { class: "status", role: "status", "aria-live": "polite" }),
  h("div", { class: "net-body" },
    h("div", { class: "graph", role: "img", "aria-label": "Directed graph of actor pairs" }),
    h("div", { class: "side" }, h("h3", {}, "Top actors"), h("ol", { class: "actors" }))));
