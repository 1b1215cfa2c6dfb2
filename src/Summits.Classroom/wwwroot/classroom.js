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
  connection.onclose(() => {
    document.body.dataset.connected = "false";
    error.textContent = "The connection to the classroom is lost; reload this page once the classroom runs again.";
  });

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
      document.getElementById("round").textContent = sight.state;
      closePredictions(sight.begun);
      const own = sight.scores[0];
      lines(document.getElementById("predictions"), own.answered
        ? own.predictions.flatMap(p => [`${p.id}: you ${p.answer}; the simulation: ${p.simulation}; the record: ${p.record}`, `${p.id} points: ${p.working}`])
        : ["Your team has not answered the predictions yet."]);
      lines(document.getElementById("score"), [...own.lines, `${own.total}  total`]);
      chart(document.getElementById("chart"), sight);
      pending(document.getElementById("pending"), sight, answer);
      lines(document.getElementById("play"), sight.play.length ? sight.play : ["Nothing has happened yet."]);
    }

    // Once the play begins the predictions are closed: the form stays, with whatever was typed in it, its fields no
    // longer taken, and the page says so aloud (role=alert), whether or not the team was still typing.
    let sent = null;
    function typed() {
      return JSON.stringify([...document.querySelectorAll("#questions input, #questions select")].map(f => f.value.trim()));
    }
    function closePredictions(begun) {
      // The keyboard's place in the form it closes moves on to the proposal's first field, rather than to nowhere.
      const wasIn = begun && document.getElementById("predict").contains(document.activeElement);
      for (const field of document.querySelectorAll("#predict input, #predict select, #predict button")) field.disabled = begun;
      if (wasIn) document.querySelector("#terms input")?.focus();
      const closed = document.getElementById("predict-closed");
      const unsent = typed() !== sent && [...document.querySelectorAll("#questions input, #questions select")].some(f => f.value.trim() !== "");
      const says = !begun ? ""
        : unsent ? "The play at your table has begun, so the predictions are closed: the answers below were not sent, and can no longer be."
        : "The play at your table has begun, so the predictions are closed.";
      if (closed.textContent !== says) closed.textContent = says;
    }

    // The team's page goes back to the join forms, saying why: its seat is not this classroom's (a classroom started
    // again has new codes and seats), or the facilitator gave it a new team code, so nothing of the table it showed stays.
    function leave(e) {
      team = null;
      sent = null;
      versions.clear();
      sessionStorage.removeItem("summits-seat");
      section.hidden = true;
      document.getElementById("join-section").hidden = false;
      document.getElementById("title").textContent = "Summits classroom";
      document.getElementById("who").textContent = "";
      document.getElementById("public-brief").textContent = "";
      document.getElementById("confidential").textContent = "";
      if (typeof e === "string") error.textContent = e;
      else say(e);
      for (const field of document.querySelectorAll("#join-code, #team-code")) field.value = "";
      document.getElementById("join-code").focus();
    }

    function show(joined) {
      team = joined;
      sessionStorage.setItem("summits-seat", joined.seat);
      document.getElementById("join-section").hidden = true;
      section.hidden = false;
      document.getElementById("team-code-shown").textContent =
        `Your team's code is ${joined.seat}. Write it down: with it, under "Back at your table", your team takes its seat again from any browser.`;
      document.getElementById("title").textContent = joined.title;
      document.getElementById("who").textContent =
        `Table ${joined.table}: your team plays ${joined.actorName} (${joined.actor}) against ${joined.otherName} (${joined.other}).`;
      document.getElementById("public-brief").textContent = joined.publicBrief.join("\n");
      document.getElementById("confidential").textContent = joined.confidential.join("\n");
      document.getElementById("questions").replaceChildren(...joined.questions.map(q => {
        const box = element("div", undefined, { class: "question" });
        const id = `question-${q.id}`;
        box.append(element("label", `${q.id}: ${q.ask} (${q.points} points${q.choices.length ? "" : "; a value from 0 to 100"})`, { for: id }));
        if (q.choices.length) {
          const select = element("select", undefined, { id, name: q.id });
          select.append(element("option", "Choose an answer", { value: "" }), ...q.choices.map(c => element("option", c.says, { value: c.id })));
          box.append(select);
        } else {
          box.append(element("input", undefined, { id, name: q.id, inputmode: "decimal", autocomplete: "off" }));
        }
        return box;
      }));
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
    connection.on("revoked", leave);
    connection.onreconnected(() => {
      const seat = sessionStorage.getItem("summits-seat");
      if (seat) connection.invoke("Rejoin", seat).then(show, leave);
    });
    // The join form goes; the cursor goes to the first form the team uses: the predictions while they are open,
    // else the first topic's field, where a team makes a proposal.
    function seated(joined) {
      clear();
      show(joined);
      (joined.sight.begun ? document.querySelector("#terms input") : document.querySelector("#questions input, #questions select"))?.focus();
    }
    document.getElementById("join").addEventListener("submit", event => {
      event.preventDefault();
      connection.invoke("Join", document.getElementById("join-code").value).then(seated, say);
    });
    document.getElementById("back").addEventListener("submit", event => {
      event.preventDefault();
      connection.invoke("Rejoin", document.getElementById("team-code").value).then(seated, say);
    });
    document.getElementById("predict").addEventListener("submit", event => {
      event.preventDefault();
      const answers = {};
      for (const field of document.querySelectorAll("#questions input, #questions select")) {
        if (field.value.trim() !== "") answers[field.name] = field.value.trim();
      }
      const sending = typed();
      connection.invoke("Predict", team.actor, answers).then(() => { sent = sending; clear(); }, say);
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
      return seat ? connection.invoke("Rejoin", seat).then(show, leave) : null;
    });
  } else {
    let code = null;
    const tables = document.getElementById("tables");
    let shocks = [];
    let countries = [];
    let topics = [];
    const joinCodes = new Map();
    let debriefRows = [];
    const debriefColumns = new Map();
    const debrief = document.getElementById("debrief");

    // The debrief: a row for each thing the tables are compared on, a column for each table, each cell as last pushed.
    function showDebrief() {
      if (debrief.hidden) return;
      const tableNumbers = [...debriefColumns.keys()].sort((a, b) => a - b);
      const head = element("tr");
      head.append(element("th", "Section", { scope: "col" }), element("th", "Item", { scope: "col" }),
        ...tableNumbers.map(n => element("th", `Table ${n}`, { scope: "col" })));
      document.querySelector("#debrief-table thead").replaceChildren(head);
      document.querySelector("#debrief-table tbody").replaceChildren(...debriefRows.map((row, k) => {
        const line = element("tr");
        line.append(element("td", row.section), element("th", row.item, { scope: "row" }),
          ...tableNumbers.map(n => element("td", debriefColumns.get(n)[k], { "data-table": String(n) })));
        return line;
      }));
    }

    function download(format) {
      connection.invoke("Export", format).then(file => {
        const address = URL.createObjectURL(new Blob([file.content], { type: file.type }));
        const link = element("a", undefined, { href: address, download: file.name });
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(address), 60000);
        clear();
      }, say);
    }

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
        box.querySelector(".taken").after(rounds(sight.table));
        box.append(newShock(sight.table), newTeamCode(sight.table));
        tables.append(box);
      }
      box.querySelector(".state").textContent = sight.state;
      box.querySelector(".start").textContent = `Start round ${sight.round + 1} at table ${sight.table}`;
      // Only the button that can act is offered: Start while the table waits or is paused, Pause while its round is on.
      const start = box.querySelector(".start"), pause = box.querySelector(".pause");
      const focused = document.activeElement;
      start.hidden = sight.round > 0 && !sight.paused;
      pause.textContent = `Pause round ${Math.max(sight.round, 1)} at table ${sight.table}`;
      pause.hidden = sight.round === 0 || sight.paused;
      // Hiding the button that has the focus would drop it to the page: it goes to the button shown in its place.
      if (focused === start && start.hidden && !pause.hidden) pause.focus();
      else if (focused === pause && pause.hidden && !start.hidden) start.focus();
      box.dataset.version = String(sight.version);
      debriefColumns.set(sight.table, sight.debrief);
      showDebrief();
      // Joined is for good (a seat stays its team's); connected is whether the team has a page open now.
      box.querySelector(".taken").textContent = sight.joined.length
        ? `Teams joined: ${sight.joined.join(" and ")}. Connected now: ${sight.connected.length ? sight.connected.join(" and ") : "none"}.`
        : "No team has joined yet.";
      chart(box.querySelector(".chart"), sight);
      pending(box.querySelector(".pending"), sight, null);
      lines(box.querySelector(".play"), sight.play.length ? sight.play : ["Nothing has happened yet."]);
    }

    // A table's state and its Start and Pause buttons.
    function rounds(table) {
      const box = element("div", undefined, { class: "rounds" });
      const start = element("button", "", { type: "button", class: "start" });
      const pause = element("button", "", { type: "button", class: "pause" });
      start.addEventListener("click", () => connection.invoke("Start", table).then(clear, say));
      pause.addEventListener("click", () => connection.invoke("Pause", table).then(clear, say));
      box.append(element("p", "", { class: "state", "aria-live": "polite" }), start, pause);
      return box;
    }

    // A shock the facilitator writes: what happens, whose position moves, on which topic, by how much.
    function newShock(table) {
      const form = element("form", undefined, { class: "new-shock", "aria-labelledby": `new-shock-${table}-heading` });
      const id = name => `new-${name}-${table}`;
      const reason = element("input", undefined, { id: id("reason"), name: "reason", autocomplete: "off", size: "50" });
      const country = element("select", undefined, { id: id("country"), name: "country" });
      country.append(...countries.map(c => element("option", c, { value: c })));
      const topic = element("select", undefined, { id: id("topic"), name: "topic" });
      topic.append(...topics.map(t => element("option", t, { value: t })));
      const by = element("input", undefined, { id: id("by"), name: "by", inputmode: "decimal", autocomplete: "off" });
      form.append(element("h3", `A new shock at table ${table}`, { id: `new-shock-${table}-heading` }),
        element("label", "What happens", { for: id("reason") }), reason,
        element("label", "Whose position moves", { for: id("country") }), country,
        element("label", "On which topic", { for: id("topic") }), topic,
        element("label", "By how much (from -100 to 100; below 0 moves toward 0)", { for: id("by") }), by,
        element("button", "Inject the new shock", { type: "submit" }));
      form.addEventListener("submit", event => {
        event.preventDefault();
        const shock = { reason: reason.value, country: country.value, topic: topic.value, by: by.value };
        connection.invoke("InjectNew", table, shock).then(() => { clear(); reason.value = ""; by.value = ""; }, say);
      });
      return form;
    }

    // A new team code for a country's seat at a table, for a team that lost its own: the old one stops working.
    function newTeamCode(table) {
      const form = element("form", undefined, { class: "new-code", "aria-labelledby": `new-code-${table}-heading` });
      const country = element("select", undefined, { id: `new-code-country-${table}`, name: "country" });
      country.append(...countries.map(c => element("option", c, { value: c })));
      const given = element("p", "", { class: "new-code-given", "aria-live": "polite" });
      form.append(element("h3", `A new team code at table ${table}`, { id: `new-code-${table}-heading` }),
        element("label", "For the team of", { for: `new-code-country-${table}` }), country,
        element("button", "Give a new team code", { type: "submit" }), given);
      form.addEventListener("submit", event => {
        event.preventDefault();
        const actor = country.value;
        connection.invoke("NewTeamCode", table, actor).then(code => {
          clear();
          given.textContent = `The new team code of ${actor} at table ${table} is ${code}; the old one no longer works. Give it to that team alone.`;
        }, say);
      });
      return form;
    }

    // The page goes back to the code's form, saying why: the code is not this classroom's (a classroom started again
    // has a new one), so no table it showed stays.
    function close(e) {
      code = null;
      opened = false;
      early.splice(0);
      versions.clear();
      debriefColumns.clear();
      tables.replaceChildren();
      tables.hidden = true;
      document.getElementById("debrief-section").hidden = true;
      document.getElementById("rounds-section").hidden = true;
      document.getElementById("code-section").hidden = false;
      document.getElementById("title").textContent = "Summits classroom";
      say(e);
      document.getElementById("facilitator-code").value = "";
      document.getElementById("facilitator-code").focus();
    }

    function open(facilitated) {
      document.getElementById("code-section").hidden = true;
      tables.hidden = false;
      document.getElementById("title").textContent = `${facilitated.title}: facilitator`;
      shocks = facilitated.shocks;
      countries = facilitated.countries;
      topics = facilitated.topics;
      document.getElementById("rounds-section").hidden = false;
      debriefRows = facilitated.debrief;
      document.getElementById("debrief-section").hidden = false;
      for (const table of facilitated.tables) joinCodes.set(table.table, table.joinCode);
      for (const table of facilitated.tables) render(table.sight);
      opened = true;
      for (const sight of early.splice(0)) render(sight);
    }

    // A push can overtake the answer to "Facilitate" that opens the page: it waits until the page has its tables'
    // join codes and shocks, then is shown if it is newer than what the answer showed.
    let opened = false;
    const early = [];
    function receive(sight) {
      if (opened) render(sight);
      else early.push(sight);
    }

    document.getElementById("open-debrief").addEventListener("click", event => {
      debrief.hidden = !debrief.hidden;
      event.target.setAttribute("aria-expanded", String(!debrief.hidden));
      event.target.textContent = debrief.hidden ? "Open the debrief" : "Close the debrief";
      showDebrief();
    });
    document.getElementById("export-csv").addEventListener("click", () => download("csv"));
    document.getElementById("export-html").addEventListener("click", () => download("html"));
    connection.on("table", receive);
    connection.onreconnected(() => { if (code) connection.invoke("Facilitate", code).then(open, close); });
    document.getElementById("start-every").addEventListener("click", () => connection.invoke("StartEvery").then(clear, say));
    document.getElementById("pause-every").addEventListener("click", () => connection.invoke("PauseEvery").then(clear, say));
    document.getElementById("facilitate").addEventListener("submit", event => {
      event.preventDefault();
      const given = document.getElementById("facilitator-code").value;
      connection.invoke("Facilitate", given).then(facilitated => { code = given; clear(); open(facilitated); }, say);
    });
    start(null);
  }
})();
