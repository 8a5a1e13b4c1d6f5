// marsad's page: reads the JSON API and builds the DOM.
//
// Article text is untrusted. Every string from the API goes into the page
// through text nodes (`textContent`, `createTextNode`), never through an
// HTML-parsing property or an attribute that could run script; links are built here
// from ids with encodeURIComponent. The server's Content-Security-Policy
// forbids inline script as a second line of defence.
"use strict";

(function () {
  const main = document.getElementById("main");
  const form = document.getElementById("search-form");
  const input = document.getElementById("search-input");
  // Renders race when the hash changes quickly: only the latest may paint.
  let generation = 0;

  // ---- DOM helpers -------------------------------------------------------

  /** An element with attributes (only the safe ones used below) and children (strings become text). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null) continue;
      if (name === "class") node.className = value;
      else node.setAttribute(name, String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === undefined || child === null || child === false) continue;
      node.append(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  function link(href, ...children) {
    return el("a", { href }, ...children);
  }

  function storyHref(id) {
    return "#/story/" + encodeURIComponent(id);
  }

  function docHref(id, params) {
    const query = new URLSearchParams(params || {}).toString();
    return "#/doc/" + encodeURIComponent(id) + (query ? "?" + query : "");
  }

  function searchHref(params) {
    return "#/search?" + new URLSearchParams(params).toString();
  }

  function show(...nodes) {
    main.replaceChildren(...nodes);
  }

  function showError(message) {
    show(el("p", { class: "error", role: "alert" }, message));
  }

  async function api(path) {
    const response = await fetch(path, { headers: { Accept: "application/json" } });
    let body = null;
    try {
      body = await response.json();
    } catch (_) {
      body = null;
    }
    if (!response.ok) {
      const message = body && typeof body.error === "string" ? body.error : response.status + " " + response.statusText;
      throw new Error(message);
    }
    return body;
  }

  // ---- Citation labels (as marsad-brief's render.rs makes them) ----------

  /** Short labels for document ids: the prefix before "_" when unique («000», «003#2»), else the number. */
  function labels(ids) {
    const short = (id) => {
      const hash = id.indexOf("#");
      const base = hash >= 0 ? id.slice(0, hash) : id;
      const part = hash >= 0 ? id.slice(hash + 1) : null;
      const prefix = base.split("_")[0];
      return part === null ? prefix : prefix + "#" + part;
    };
    const count = new Map();
    for (const id of ids) count.set(short(id), (count.get(short(id)) || 0) + 1);
    const out = new Map();
    ids.forEach((id, i) => {
      const s = short(id);
      out.set(id, count.get(s) === 1 && [...s].length <= 12 ? s : String(i + 1));
    });
    return { of: (id) => out.get(id) || id };
  }

  /** A citation «[000]» linking to the document, with the words to find there. */
  function cite(label, docId, text) {
    const params = text ? { t: text } : {};
    const a = el("a", { class: "cite", href: docHref(docId, params), title: docId }, "[" + label.of(docId) + "]");
    return a;
  }

  // ---- Views -------------------------------------------------------------

  async function storiesView(gen) {
    const data = await api("/api/stories?limit=200");
    if (gen !== generation) return;
    document.title = "مرصد — القصص";
    const c = data.counts;
    const items = data.stories.map((s) =>
      el(
        "li",
        { class: "card story-item" },
        el("h2", {}, link(storyHref(s.id), s.title || s.id)),
        el("p", { class: "meta" }, [period(s.start, s.end), s.documents + " وثائق", s.outlets.join("، ")].filter(Boolean).join(" · "))
      )
    );
    show(
      el("h1", {}, "القصص"),
      el("p", { class: "meta" }, `${c.stories} قصة · ${c.documents} وثيقة · ${c.entities} كيان`),
      items.length ? el("ul", { class: "cards", id: "stories" }, items) : el("p", { class: "note" }, "لا قصص بعد: أضف أخباراً بـ marsad ingest.")
    );
  }

  function period(start, end) {
    if (start && end && start !== end) return start + " ← " + end;
    return start || end || "";
  }

  // Items shown per list before "more": a brief is read, not scrolled through.
  const SHOWN = 8;

  /** The rest of a long list, folded (a <details> needs no script to open). */
  function more(nodes, what) {
    if (!nodes.length) return null;
    return el("details", { class: "more" }, el("summary", {}, what + " (" + nodes.length + ")"), nodes);
  }

  /** A list showing its first SHOWN items, the rest folded. */
  function shortList(items, render) {
    const rest = items.slice(SHOWN);
    return [
      el("ul", {}, items.slice(0, SHOWN).map(render)),
      rest.length ? more([el("ul", {}, rest.map(render))], "المزيد") : null,
    ];
  }

  function section(id, title, ...content) {
    return el("section", { id, class: "brief-section" }, el("h2", {}, title), ...content);
  }

  /** The evidence text a fact shows for one source document. */
  function evidenceFor(fact, doc) {
    const e = (fact.evidence || []).find((x) => x.doc === doc);
    return e ? e.text : fact.text;
  }

  async function storyView(gen, id) {
    const s = await api("/api/stories/" + encodeURIComponent(id));
    if (gen !== generation) return;
    document.title = "مرصد — " + (s.title || s.id);
    const label = labels(s.members);
    const cites = (sources, textFor) => sources.map((d) => cite(label, d, textFor(d)));
    const parts = [];
    parts.push(
      el("h1", { id: "story-title" }, s.title || s.id),
      el(
        "p",
        { class: "meta" },
        [s.members.length + " وثائق", period(s.period && s.period.start, s.period && s.period.end), (s.outlets || []).join("، ")]
          .filter(Boolean)
          .join(" · ")
      )
    );
    if (s.summary && s.summary.length) {
      parts.push(
        section("summary", "الملخص", el("ul", {}, s.summary.map((x) => el("li", {}, x.text, " ", cites(x.sources, () => x.text)))))
      );
    }
    if (s.facts && s.facts.length) {
      const corroborated = s.facts.filter((f) => !f.single_source);
      const single = s.facts.filter((f) => f.single_source);
      const factItem = (f) =>
        el(
          "li",
          { class: f.single_source ? "fact single" : "fact" },
          f.single_source
            ? el("span", { class: "badge single" }, "مصدر واحد")
            : el("span", { class: "badge", title: (f.origins || []).join("، ") }, f.origins.length + " مصادر مستقلة"),
          f.text,
          " ",
          cites(f.sources, (d) => evidenceFor(f, d))
        );
      parts.push(
        section(
          "facts",
          "الوقائع",
          corroborated.length ? [el("h3", {}, "مؤكدة من أكثر من مصدر"), shortList(corroborated, factItem)] : null,
          single.length ? [el("h3", {}, "من مصدر واحد"), shortList(single, factItem)] : null
        )
      );
    }
    if (s.quotes && s.quotes.length) {
      // Quotes by speaker, speakers in order of their most reported utterance.
      const bySpeaker = new Map();
      for (const q of s.quotes) {
        const key = q.speaker.entity || q.speaker.text;
        if (!bySpeaker.has(key)) bySpeaker.set(key, { name: q.speaker.text, quotes: [] });
        bySpeaker.get(key).quotes.push(q);
      }
      const quoteItem = (q) => {
        const variantText = (d) => {
          const v = (q.variants || []).find((x) => x.doc === d);
          return v ? v.text : q.text;
        };
        // Direct words in «», a report of them without marks.
        const words = q.kind === "direct" ? "«" + q.text + "»" : q.text;
        return el("li", { class: "quote " + q.kind }, words, " ", cites(q.sources, variantText));
      };
      const speakerBlock = (sp) => el("div", { class: "speaker" }, el("h3", {}, sp.name), shortList(sp.quotes, quoteItem));
      const speakers = [...bySpeaker.values()];
      parts.push(section("quotes", "من قال ماذا", speakers.slice(0, SHOWN).map(speakerBlock), more(speakers.slice(SHOWN).map(speakerBlock), "متحدثون آخرون")));
    }
    if (s.timeline && s.timeline.length) {
      parts.push(
        section(
          "timeline",
          "الخط الزمني",
          el(
            "ol",
            { class: "timeline" },
            s.timeline.map((t) => el("li", {}, el("time", { datetime: t.date }, t.date), t.text, " ", cites(t.sources, () => t.text)))
          )
        )
      );
    }
    if (s.tensions && s.tensions.length) {
      const kinds = { contradiction: "تناقض", update: "تحديث" };
      parts.push(
        section(
          "tensions",
          "تعارضات",
          el(
            "ul",
            {},
            s.tensions.map((t) =>
              el(
                "li",
                {},
                el("span", { class: "badge single" }, kinds[t.kind] || t.kind),
                el(
                  "ul",
                  {},
                  t.statements.map((st) =>
                    el("li", {}, "«" + st.text + "»", st.date ? el("span", { class: "meta" }, " (" + st.date + ")") : null, " ", cite(label, st.doc, st.text))
                  )
                )
              )
            )
          )
        )
      );
    }
    if (s.entities && s.entities.length) {
      parts.push(
        section(
          "entities",
          "الكيانات",
          el(
            "ul",
            { class: "entities" },
            s.entities.map((e) =>
              el("li", {}, link(searchHref({ q: "", entity: e.id }), e.name, el("span", { class: "meta" }, " · " + e.documents)))
            )
          )
        )
      );
    }
    parts.push(
      section(
        "documents",
        "الوثائق",
        el("ul", {}, s.members.map((d) => el("li", {}, link(docHref(d), "[" + label.of(d) + "] ", el("bdi", {}, d)))))
      )
    );
    show(...parts);
  }

  /** Collapses spaces, for finding cited words in a document's text. */
  function squash(text) {
    return text.replace(/\s+/g, " ").replace(/[«»"]/g, "").trim();
  }

  /** The sentence to highlight: by index (s), or the one holding the cited words (t). */
  function citedSentence(sentences, params) {
    const index = Number.parseInt(params.get("s") || "", 10);
    if (Number.isInteger(index) && index >= 0 && index < sentences.length) return index;
    const wanted = squash(params.get("t") || "");
    if (!wanted) return -1;
    const found = sentences.findIndex((s) => {
      const have = squash(s);
      return have.includes(wanted) || (have.length > 20 && wanted.includes(have));
    });
    if (found >= 0) return found;
    // Cut or merged text: the sentence sharing most words with it.
    const words = new Set(wanted.split(" ").filter((w) => w.length > 2));
    let best = -1;
    let bestScore = 0;
    sentences.forEach((s, i) => {
      const score = squash(s)
        .split(" ")
        .filter((w) => words.has(w)).length;
      if (score > bestScore) [best, bestScore] = [i, score];
    });
    return bestScore >= Math.min(3, words.size) ? best : -1;
  }

  async function documentView(gen, id, params) {
    const d = await api("/api/documents/" + encodeURIComponent(id));
    if (gen !== generation) return;
    document.title = "مرصد — " + (d.title || d.id);
    // Offsets count code points; JavaScript strings count UTF-16 units.
    const chars = Array.from(d.text);
    const sentences = (d.sentences || []).map((s) => chars.slice(s.start, s.end).join(""));
    const cited = citedSentence(sentences, params);
    const body = el("div", { class: "doc-text", id: "doc-text" });
    let at = 0;
    (d.sentences || []).forEach((s, i) => {
      if (s.start > at) body.append(document.createTextNode(chars.slice(at, s.start).join("")));
      body.append(el("span", { class: i === cited ? "sentence cited" : "sentence", id: "s-" + i }, sentences[i]));
      at = Math.max(at, s.end);
    });
    if (at < chars.length) body.append(document.createTextNode(chars.slice(at).join("")));
    // Ids are Latin: isolated, so they do not reorder the Arabic around them.
    const facts = [d.outlet, d.published].filter(Boolean).join(" · ");
    const byline = [facts, facts ? " · " : null, el("bdi", {}, d.id)];
    show(
      el("p", { class: "meta" }, d.story ? link(storyHref(d.story), "← إلى القصة") : null),
      el("h1", { id: "doc-title" }, d.title || d.id),
      el("p", { class: "meta" }, byline),
      body
    );
    if (cited >= 0) {
      const target = document.getElementById("s-" + cited);
      if (target) target.scrollIntoView({ block: "center" });
    }
  }

  /** A snippet with its highlights (code-point ranges) as <mark> elements. */
  function snippet(sn) {
    const chars = Array.from(sn.text || "");
    const p = el("p", { class: "snippet" });
    let at = 0;
    for (const [start, end] of sn.highlights || []) {
      if (start < at || end <= start || end > chars.length) continue;
      p.append(document.createTextNode(chars.slice(at, start).join("")));
      p.append(el("mark", {}, chars.slice(start, end).join("")));
      at = end;
    }
    p.append(document.createTextNode(chars.slice(at).join("")));
    return p;
  }

  async function searchView(gen, params) {
    const q = params.get("q") || "";
    input.value = q;
    const query = new URLSearchParams();
    for (const key of ["q", "outlet", "from", "to", "entity", "story"]) {
      if (params.get(key)) query.set(key, params.get(key));
    }
    query.set("limit", "50");
    if (![...query.keys()].some((k) => k !== "limit")) {
      show(el("h1", {}, "بحث"), el("p", { class: "note" }, "اكتب كلمات للبحث عنها."));
      return;
    }
    const r = await api("/api/search?" + query.toString());
    if (gen !== generation) return;
    document.title = "مرصد — بحث: " + q;
    const hits = r.hits.map((h) =>
      el(
        "li",
        { class: "card hit" },
        el("h3", {}, link(docHref(h.id), h.title || h.id)),
        el("p", { class: "meta" }, [h.outlet, h.published].filter(Boolean).join(" · "), h.outlet || h.published ? " · " : null, el("bdi", {}, h.id), h.story ? [" · ", link(storyHref(h.story), "القصة")] : null),
        snippet(h.snippet)
      )
    );
    show(
      el("h1", {}, q ? "بحث: " + q : "بحث"),
      el("p", { class: "meta", id: "search-total" }, r.total + " نتيجة"),
      el("ul", { class: "cards", id: "hits" }, hits)
    );
  }

  // ---- Routing -----------------------------------------------------------

  async function route() {
    const gen = ++generation;
    const hash = location.hash.replace(/^#/, "") || "/";
    const q = hash.indexOf("?");
    const path = q >= 0 ? hash.slice(0, q) : hash;
    const params = new URLSearchParams(q >= 0 ? hash.slice(q + 1) : "");
    const parts = path.split("/").filter(Boolean);
    try {
      if (parts.length === 0) await storiesView(gen);
      else if (parts[0] === "story" && parts.length === 2) await storyView(gen, decodeURIComponent(parts[1]));
      else if (parts[0] === "doc" && parts.length === 2) await documentView(gen, decodeURIComponent(parts[1]), params);
      else if (parts[0] === "search") await searchView(gen, params);
      else showError("صفحة غير موجودة");
      if (parts[0] !== "doc" && gen === generation) window.scrollTo(0, 0);
    } catch (err) {
      if (gen === generation) showError("تعذر التحميل: " + (err && err.message ? err.message : String(err)));
    }
    if (gen === generation) document.body.dataset.view = parts[0] || "stories";
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = input.value.trim();
    if (q) location.hash = searchHref({ q });
  });
  window.addEventListener("hashchange", route);
  route();
})();
