// The actor network: the strongest dyads of the filter as directed edges,
// width by event count and colour by mean Goldstein score. Clicking (or
// pressing Enter on) an actor filters to it.

import cytoscape from "cytoscape";
import { get, type Dyad, type Network } from "./api";
import { $, fmt, h, status } from "./dom";
import { networkQuery } from "./queries";
import { type State, type Store } from "./state";

// goldsteinColor maps -10..10 onto red..grey..blue.
export function goldsteinColor(g: number): string {
  const t = Math.max(-1, Math.min(1, g / 10));
  const grey = [150, 150, 150], red = [200, 40, 60], blue = [30, 100, 200];
  const to = t < 0 ? red : blue, k = Math.abs(t);
  const c = grey.map((v, i) => Math.round(v + (to[i] - v) * k));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

export function mountNetwork(panel: HTMLElement, store: Store) {
  const box = $(".graph", panel);
  const list = $(".actors", panel);
  const cy = cytoscape({
    container: box, minZoom: 0.2, maxZoom: 3,
    style: [
      { selector: "node", style: { label: "data(id)", "font-size": 11, "background-color": "#5b6770",
        width: "data(size)", height: "data(size)", color: "#111", "text-valign": "top", "text-margin-y": -2 } },
      { selector: "node.focus", style: { "background-color": "#e69f00", "border-width": 2, "border-color": "#111" } },
      { selector: "edge", style: { width: "data(width)", "line-color": "data(color)", "target-arrow-color": "data(color)",
        "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.85, "arrow-scale": 0.8 } },
      { selector: "edge.loop", style: { "loop-direction": "0deg", "loop-sweep": "-45deg" } },
    ],
  });
  cy.on("tap", "node", (e) => pick(e.target.id()));
  new ResizeObserver(() => cy.resize()).observe(box);
  const pick = (code: string) => store.update({ filter: { actor: code, actor_name: undefined }, view: { event: undefined } });
  let pending: AbortController | undefined;

  async function load(s: State) {
    pending?.abort();
    pending = new AbortController();
    const p = networkQuery(s);
    status(panel, "loading");
    let net: Network;
    try {
      net = await get<Network>("/api/network", p, pending.signal);
    } catch (e) {
      if ((e as Error).name === "AbortError") return;
      status(panel, "error", (e as Error).message);
      cy.elements().remove();
      list.replaceChildren();
      return;
    }
    draw(net.dyads, s.filter.actor);
  }

  function draw(dyads: Dyad[], focus?: string) {
    cy.elements().remove();
    panel.dataset.dyads = String(dyads.length);
    if (!dyads.length) {
      list.replaceChildren();
      status(panel, "empty", "No actor pairs match the filter.");
      return;
    }
    status(panel, "ok");
    const weight = new Map<string, number>();
    for (const d of dyads) for (const a of [d.source, d.target]) weight.set(a, (weight.get(a) ?? 0) + d.events);
    const most = Math.max(...dyads.map((d) => d.events));
    cy.add([
      ...[...weight].map(([id, w]) => ({ data: { id, size: 14 + 30 * Math.sqrt(w / Math.max(...weight.values())) },
        classes: focus && id.startsWith(focus) ? "focus" : "" })),
      ...dyads.map((d, i) => ({
        data: { id: `e${i}`, source: d.source, target: d.target, width: 1 + 7 * Math.sqrt(d.events / most),
          color: goldsteinColor(d.mean_goldstein) },
        classes: d.source === d.target ? "loop" : "",
      })),
    ]);
    cy.layout({ name: "cose", animate: false, randomize: false, nodeRepulsion: () => 8000, idealEdgeLength: () => 80,
      padding: 16 } as cytoscape.LayoutOptions).run();
    // The same actors as buttons: the graph needs a pointer, the list a
    // keyboard or a screen reader.
    const top = [...weight].sort((a, b) => b[1] - a[1]).slice(0, 12);
    list.replaceChildren(...top.map(([id, w]) => h("li", {},
      h("button", { type: "button", class: "link", "data-actor": id, onclick: () => pick(id) }, id),
      ` ${fmt.format(w)}`)));
  }

  store.subscribe((s, changed) => { if (changed) void load(s); });
  void load(store.state);
  return cy;
}
