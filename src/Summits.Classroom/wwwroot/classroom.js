"use strict";
// The classroom's one page, a team's at / and the facilitator's at /facilitator: it shows the sections of the address
// it was opened at. Every change of a table is pushed over the hub's WebSocket; the page never asks for it.
(() => {
  const page = location.pathname === "/facilitator" ? "facilitator" : "team";
  document.getElementById(page === "team" ? "join-section" : "code-section").hidden = false;
  if (page === "facilitator") document.title = "Summits classroom: facilitator";
  const error = document.getElementById("error");
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hub", { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
    .withAutomaticReconnect()
    .configureLogging(signalR.LogLevel.None)
    .build();
  connection.onreconnecting(() => { document.body.dataset.connected = "false"; });
  connection.onreconnected(() => { document.body.dataset.connected = "true"; });

  // A refusal's words are the text after the exception's name; anything else is said without its detail.
  function say(e) {
    const text = String((e && e.message) || e);
    const at = text.indexOf("HubException: ");
    error.textContent = at >= 0 ? text.slice(at + "HubException: ".length) : "The classroom could not do that; try again, or ask the facilitator.";
  }
  const clear = () => { error.textContent = ""; };

  function element(tag, text, attributes) {
    const made = document.createElement(tag);
    if (text !== undefined) made.textContent = text;
    for (const [name, value] of Object.entries(attributes || {})) made.setAttribute(name, value);
    return made;
  }

  function lines(list, items) {
    list.replaceChildren(...items.map(item => element("li", item)));
  }

  const charts = new Map();
  function chart(container, sight) {
    let shown = charts.get(container);
    if (!shown) {
      shown = echarts.init(container, null, { renderer: "svg" });
      charts.set(container, shown);
      window.addEventListener("resize", () => shown.resize());
    }
    shown.setOption({
      animation: false,
      aria: { enabled: true },
      legend: { type: "scroll", top: 0 },
      grid: { top: 40, left: 40, right: 20, bottom: 40 },
      xAxis: { type: "category", data: sight.chart.after, name: "after" },
      yAxis: { type: "value", min: 0, max: 100 },
      series: sight.chart.series.map(s => ({ name: s.name, type: "line", data: s.values })),
    }, { notMerge: true });
    container.dataset.points = String(sight.chart.after.length);
  }

  function pending(list, sight, answer) {
    list.replaceChildren(...sight.pending.map(p => {
      const item = element("li", `${p.id}: ${p.from} proposes ${p.terms} to ${p.to}`);
      if (p.forYou && answer) {
        for (const [label, accept] of [["Accept", true], ["Reject", false]]) {
          const button = element("button", label, { type: "button", "aria-label": `${label} ${p.id}` });
          button.addEventListener("click", () => answer(p.id, accept));
          item.append(" ", button);
        }
      }
      return item;
    }));
    if (sight.pending.length === 0) list.replaceChildren(element("li", "Nothing is waiting."));
  }

  // Pushes may overtake an action's own answer: a view older than the one shown is left out.
  const versions = new Map();
  function newer(sight) {
    if ((versions.get(sight.table) ?? -1) > sight.version) return false;
    versions.set(sight.table, sight.version);
    return true;
  }

  async function start(then) {
    try {
      await connection.start();
      document.body.dataset.connected = "true";
      if (then) await then();
    } catch (e) {
      say(e);
    }
  }

  if (page === "team") {
    let team = null;
    const section = document.getElementById("table-section");
    const answer = (id, accept) => connection.invoke("Answer", team.actor, id, accept).then(clear, say);

    function render(sight) {
      if (!newer(sight)) return;
      section.dataset.version = String(sight.version);
      chart(document.getElementById("chart"), sight);
      pending(document.getElementById("pending"), sight, answer);
      lines(document.getElementById("play"), sight.play.length ? sight.play : ["Nothing has happened yet."]);
    }

    function show(joined) {
      team = joined;
      if (joined.seat) sessionStorage.setItem("summits-seat", joined.seat);
      document.getElementById("join-section").hidden = true;
      section.hidden = false;
      document.getElementById("title").textContent = joined.title;
      document.getElementById("who").textContent =
        `Table ${joined.table}: your team plays ${joined.actorName} (${joined.actor}) against ${joined.otherName} (${joined.other}).`;
      document.getElementById("public-brief").textContent = joined.publicBrief.join("\n");
      document.getElementById("confidential").textContent = joined.confidential.join("\n");
      const terms = document.getElementById("terms");
      terms.replaceChildren(...joined.topics.map(topic => {
        const box = element("span", undefined, { class: "term" });
        box.append(element("label", topic, { for: `term-${topic}` }),
          element("input", undefined, { id: `term-${topic}`, name: topic, inputmode: "decimal", autocomplete: "off" }));
        return box;
      }));
      render(joined.sight);
    }

    connection.on("table", render);
    connection.onreconnected(() => {
      const seat = sessionStorage.getItem("summits-seat");
      if (seat) connection.invoke("Rejoin", seat).then(show, say);
    });
    document.getElementById("join").addEventListener("submit", event => {
      event.preventDefault();
      // The join form goes; the cursor goes to the first topic's field, where a team makes its first proposal.
      connection.invoke("Join", document.getElementById("join-code").value).then(joined => {
        clear();
        show(joined);
        document.querySelector("#terms input")?.focus();
      }, say);
    });
    document.getElementById("propose").addEventListener("submit", event => {
      event.preventDefault();
      const terms = {};
      for (const input of document.querySelectorAll("#terms input")) {
        if (input.value.trim() !== "") terms[input.name] = input.value.trim();
      }
      connection.invoke("Propose", team.actor, terms).then(() => {
        clear();
        for (const input of document.querySelectorAll("#terms input")) input.value = "";
      }, say);
    });
    start(() => {
      const seat = sessionStorage.getItem("summits-seat");
      return seat ? connection.invoke("Rejoin", seat).then(show, e => { sessionStorage.removeItem("summits-seat"); say(e); }) : null;
    });
  } else {
    let code = null;
    const tables = document.getElementById("tables");
    let shocks = [];
    const joinCodes = new Map();

    function render(sight) {
      if (!newer(sight)) return;
      let box = document.getElementById(`table-${sight.table}`);
      if (!box) {
        box = element("section", undefined, { id: `table-${sight.table}`, class: "table", "aria-labelledby": `table-${sight.table}-heading` });
        box.append(element("h2", `Table ${sight.table}, join code ${joinCodes.get(sight.table)}`, { id: `table-${sight.table}-heading` }),
          element("p", "", { class: "taken" }),
          element("div", undefined, { class: "chart", role: "img", "aria-label": `Positions at table ${sight.table} after every change` }),
          element("h3", "Waiting for an answer"), element("ul", undefined, { class: "pending" }),
          element("h3", "The play so far"), element("ol", undefined, { class: "play" }));
        const form = element("form", undefined, { class: "inject" });
        const select = element("select", undefined, { id: `shock-${sight.table}`, name: "shock" });
        select.append(...shocks.map((shock, k) => element("option", shock, { value: String(k + 1) })));
        form.append(element("label", `Shock to inject at table ${sight.table}`, { for: `shock-${sight.table}` }), select,
          element("button", "Inject", { type: "submit" }));
        form.addEventListener("submit", event => {
          event.preventDefault();
          connection.invoke("Inject", sight.table, Number(select.value)).then(clear, say);
        });
        if (shocks.length) box.append(form);
        tables.append(box);
      }
      box.dataset.version = String(sight.version);
      box.querySelector(".taken").textContent = sight.taken.length
        ? `Teams joined: ${sight.taken.join(" and ")}.` : "No team has joined yet.";
      chart(box.querySelector(".chart"), sight);
      pending(box.querySelector(".pending"), sight, null);
      lines(box.querySelector(".play"), sight.play.length ? sight.play : ["Nothing has happened yet."]);
    }

    function open(facilitated) {
      document.getElementById("code-section").hidden = true;
      tables.hidden = false;
      document.getElementById("title").textContent = `${facilitated.title}: facilitator`;
      shocks = facilitated.shocks;
      for (const table of facilitated.tables) joinCodes.set(table.table, table.joinCode);
      for (const table of facilitated.tables) render(table.sight);
    }

    connection.on("table", render);
    connection.onreconnected(() => { if (code) connection.invoke("Facilitate", code).then(open, say); });
    document.getElementById("facilitate").addEventListener("submit", event => {
      event.preventDefault();
      const given = document.getElementById("facilitator-code").value;
      connection.invoke("Facilitate", given).then(facilitated => { code = given; clear(); open(facilitated); }, say);
    });
    start(null);
  }
})();
