// The discussion under an article: the thread, its order, more pages, and for a logged-in
// reader who confirmed their address, the form to comment and reply. The article page is
// the same cached page for everyone; what is per reader comes from the JSON API here.
// Without JavaScript the page shows the count and the log-in prompt.

const POLL_MS = 15000;
let reader; // undefined: not asked yet; null: nobody logged in

async function whoIsReading() {
  if (reader !== undefined) return reader;
  try {
    const res = await fetch("/api/v1/reader", { credentials: "same-origin" });
    reader = res.ok ? await res.json() : null;
  } catch {
    reader = null;
  }
  return reader;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

// "N comments" in the page's language, from the samples the page carries: an exact sample
// when there is one, else one of the same plural category with the number swapped in.
function countText(section, n) {
  const samples = [0, 1, 2, 3, 5, 11, 100];
  if (samples.includes(n)) return section.getAttribute(`data-count-${n}`);
  const rules = new Intl.PluralRules(section.dataset.lang || "en");
  const category = rules.select(n);
  for (const s of samples) {
    const text = section.getAttribute(`data-count-${s}`);
    if (rules.select(s) === category && text && text.includes(String(s))) {
      return text.replace(String(s), String(n));
    }
  }
  return String(n);
}

function when(iso, lang) {
  const date = new Date(iso);
  return new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

function commentNode(section, c, onReply) {
  const t = section.dataset;
  const item = el("article", { class: "comment", id: `comment-${c.id}`, "data-id": String(c.id) });
  const author = c.author ?? t.tDeletedAccount;
  const meta = el("p", { class: "comment__meta" }, el("strong", { class: "comment__author", dir: "auto" }, author), " ");
  const time = el("time", { datetime: c.created_at }, when(c.created_at, t.lang));
  meta.append(time);
  if (c.edited) meta.append(el("span", { class: "comment__edited" }, ` · ${t.tEdited}`));
  item.append(meta);
  const body = el("div", { class: "comment__body", dir: "auto" });
  if (c.deleted) body.textContent = t.tDeleted;
  else body.innerHTML = c.html; // escaped by the server: links are the only markup
  item.append(body);
  const actions = el("p", { class: "comment__actions" });
  if (!c.deleted && onReply) {
    const reply = el("button", { type: "button", class: "comment__reply" }, t.tReply);
    reply.addEventListener("click", () => onReply(c.id, item));
    actions.append(reply);
  }
  if (!c.deleted && reader && reader.confirmed) {
    if (c.author_id === reader.id) ownActions(section, c, item, body, actions);
    else voteActions(section, c, actions);
  } else if (!c.deleted && c.likes > 0) {
    actions.append(el("span", { class: "comment__likes" }, `♥ ${c.likes}`));
  }
  if (actions.childNodes.length) item.append(actions);
  return item;
}

async function send(method, url, body) {
  const res = await fetch(url, {
    method,
    credentials: "same-origin",
    headers: { "X-CSRF-Token": reader.csrf, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = res.status === 204 ? {} : await res.json().catch(() => ({}));
  return { ok: res.ok, data };
}

const EDIT_MS = 5 * 60 * 1000;

// Edit (within five minutes of posting) and delete, on the reader's own comment.
function ownActions(section, c, item, body, actions) {
  const t = section.dataset;
  if (Date.now() - new Date(c.created_at).getTime() < EDIT_MS) {
    const edit = el("button", { type: "button", class: "comment__reply" }, t.tEdit);
    edit.addEventListener("click", () => {
      if (item.querySelector(".comment-edit")) return;
      const box = el("textarea", { rows: "3", maxlength: "3000", dir: "auto", "aria-label": t.tLabel });
      box.value = body.textContent;
      const save = el("button", { type: "submit", class: "button" }, t.tSave);
      const status = el("p", { class: "comment-form__status", role: "status" });
      const f = el("form", { class: "comment-form comment-edit" }, box, status, save);
      f.addEventListener("submit", async (e) => {
        e.preventDefault();
        const r = await send("PATCH", `/api/v1/comments/${c.id}`, { body: box.value });
        if (!r.ok) { status.textContent = `${t.tError} ${r.data?.error?.message ?? ""}`; return; }
        body.innerHTML = r.data.html;
        const meta = item.querySelector(".comment__meta");
        if (meta && !meta.querySelector(".comment__edited")) meta.append(el("span", { class: "comment__edited" }, ` · ${t.tEdited}`));
        if (r.data.status && r.data.status !== "visible") body.after(el("p", { class: "comment__status" }, t.tPending));
        f.remove();
      });
      body.after(f);
      box.focus();
    });
    actions.append(edit);
  }
  const del = el("button", { type: "button", class: "comment__reply" }, t.tDelete);
  del.addEventListener("click", async () => {
    if (!window.confirm(t.tDeleteConfirm)) return;
    const r = await send("DELETE", `/api/v1/comments/${c.id}`);
    if (r.ok) { body.textContent = t.tDeleted; actions.remove(); }
  });
  actions.append(del);
}

// Like and report, on others' comments.
function voteActions(section, c, actions) {
  const t = section.dataset;
  const like = el("button", { type: "button", class: "comment__reply", "aria-pressed": "false" }, `${t.tLike} · ${c.likes}`);
  like.addEventListener("click", async () => {
    const r = await send("POST", `/api/v1/comments/${c.id}/like`);
    if (r.ok) { like.textContent = `${t.tLike} · ${r.data.count}`; like.setAttribute("aria-pressed", "true"); }
  });
  const report = el("button", { type: "button", class: "comment__reply" }, t.tReport);
  report.addEventListener("click", async () => {
    const r = await send("POST", `/api/v1/comments/${c.id}/report`);
    if (r.ok) { report.textContent = t.tReported; report.disabled = true; }
  });
  actions.append(like, report);
}

function form(section, articleId, parentId, onPosted, onCancel) {
  const t = section.dataset;
  const id = `comment-text-${articleId}-${parentId ?? "top"}`;
  const box = el("textarea", { id, name: "body", rows: "3", maxlength: "3000", required: "", dir: "auto" });
  const status = el("p", { class: "comment-form__status", role: "status" });
  const post = el("button", { type: "submit", class: "button" }, t.tPost);
  const f = el("form", { class: "comment-form" }, el("label", { for: id }, t.tLabel), box, status, post);
  if (onCancel) {
    const cancel = el("button", { type: "button", class: "button button--secondary" }, t.tCancel);
    cancel.addEventListener("click", onCancel);
    f.append(" ", cancel);
  }
  f.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!box.value.trim()) return;
    post.disabled = true;
    status.textContent = "";
    try {
      const res = await fetch(`/api/v1/articles/${articleId}/comments`, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": reader.csrf },
        body: JSON.stringify(parentId ? { body: box.value, parent_id: parentId } : { body: box.value }),
      });
      const data = await res.json().catch(() => ({}));
      if (!res.ok) {
        status.textContent = `${t.tError} ${data?.error?.message ?? res.status}`;
        return;
      }
      box.value = "";
      if (data.status && data.status !== "visible") {
        // Waiting for a moderator: the reader is told, the thread does not change.
        status.textContent = t.tPending;
        return;
      }
      onPosted(data);
    } catch (err) {
      status.textContent = `${t.tError} ${err.message}`;
    } finally {
      post.disabled = false;
    }
  });
  return f;
}

async function open(section) {
  const articleId = section.dataset.article;
  const t = section.dataset;
  const thread = section.querySelector(".discussion__thread");
  const countNode = section.querySelector(".discussion__count");
  if (!thread || !articleId) return;
  let sort = "newest";
  let page = 1;
  let newestSeen = null;
  let shown = 0;

  const list = el("div", { class: "discussion__list" });
  const more = el("button", { type: "button", class: "button button--secondary discussion__more", hidden: "" }, t.tMore);
  const fresh = el("button", { type: "button", class: "discussion__fresh", hidden: "" }, t.tNew);
  const order = el("select", { "aria-label": t.tSort });
  for (const s of ["newest", "oldest", "liked"]) order.append(el("option", { value: s }, t[`t${s[0].toUpperCase()}${s.slice(1)}`]));

  const me = await whoIsReading();
  const first = await fetch(`/api/v1/articles/${articleId}/comments?sort=${sort}&page=1`)
    .then((r) => (r.ok ? r.json() : null))
    .catch(() => null);
  const closed = first && first.open === false;
  const canWrite = me && me.confirmed && !closed;
  const replyTo = canWrite
    ? (parentId, item) => {
        if (item.querySelector(".comment-form")) return;
        const f = form(section, articleId, parentId, (c) => {
          f.remove();
          const replies = item.querySelector(".comment__replies") || item.appendChild(el("div", { class: "comment__replies" }));
          replies.append(commentNode(section, c, null));
          shown += 1;
          countNode.textContent = countText(section, shown);
        }, () => f.remove());
        item.append(f);
        f.querySelector("textarea").focus();
      }
    : null;

  function render(items, append) {
    if (!append) list.replaceChildren();
    for (const { comment, replies } of items) {
      const node = commentNode(section, comment, replyTo);
      if (replies.length) {
        const box = el("div", { class: "comment__replies" });
        for (const r of replies) box.append(commentNode(section, r, null));
        node.append(box);
      }
      list.append(node);
    }
  }

  async function load(append, preloaded) {
    let data = preloaded;
    if (!data) {
      const res = await fetch(`/api/v1/articles/${articleId}/comments?sort=${sort}&page=${page}`);
      if (!res.ok) return;
      data = await res.json();
    }
    shown = data.count;
    countNode.textContent = countText(section, data.count);
    render(data.items, append);
    more.hidden = !data.more;
    if (!append && sort === "newest") newestSeen = data.items[0]?.comment.id ?? 0;
  }

  more.addEventListener("click", () => { page += 1; load(true); });
  order.addEventListener("change", () => { sort = order.value; page = 1; fresh.hidden = true; load(false); });
  fresh.addEventListener("click", () => { sort = "newest"; order.value = "newest"; page = 1; fresh.hidden = true; load(false); });

  thread.replaceChildren(el("p", { class: "discussion__order" }, order), fresh);
  if (closed) {
    section.querySelector(".discussion__join")?.replaceChildren(t.tClosed);
  } else if (canWrite) {
    section.querySelector(".discussion__join")?.setAttribute("hidden", "");
    thread.append(form(section, articleId, null, (c) => {
      // Shown at once; a CDN may still hold the thread without it for a few seconds.
      list.prepend(commentNode(section, c, replyTo));
      shown += 1;
      countNode.textContent = countText(section, shown);
    }));
  } else if (me && !me.confirmed) {
    section.querySelector(".discussion__join")?.replaceChildren(t.tConfirm);
  }
  const mine = el("div", { class: "discussion__mine" });
  thread.append(mine, list, more);
  thread.hidden = false;
  await load(false, first);
  if (me) showMine(section, articleId, mine);

  // New comments from others, while the reader is on the page (newest first only).
  setInterval(async () => {
    if (document.hidden || sort !== "newest" || page !== 1) return;
    const res = await fetch(`/api/v1/articles/${articleId}/comments?sort=newest&page=1`);
    if (!res.ok) return;
    const data = await res.json();
    countNode.textContent = countText(section, data.count);
    const top = data.items[0]?.comment.id ?? 0;
    const changed = data.count !== shown || (newestSeen !== null && top > newestSeen);
    if (!changed) return;
    // Approved and new comments appear by themselves, unless the reader is writing in
    // the list (a re-render would take their draft away): then a button offers them.
    const writing = [...list.querySelectorAll("textarea")].some((a) => a.value.trim() || a === document.activeElement);
    if (writing) {
      fresh.hidden = false;
    } else {
      shown = data.count;
      newestSeen = top;
      render(data.items, false);
      more.hidden = !data.more;
    }
  }, POLL_MS);
}

// The reader's own comments under the article that others do not see (yet): waiting for
// a moderator, or rejected with the moderator's reason.
async function showMine(section, articleId, box) {
  const t = section.dataset;
  const res = await fetch(`/api/v1/reader/comments?article=${articleId}`, { credentials: "same-origin" }).catch(() => null);
  if (!res || !res.ok) return;
  const items = await res.json();
  for (const c of items) {
    const node = commentNode(section, c, null);
    node.classList.add(`comment--${c.status}`);
    const note = c.status === "rejected" ? `${t.tRejected} ${c.reason ?? ""}` : t.tPending;
    node.prepend(el("p", { class: "comment__status" }, note));
    box.append(node);
  }
}

// Threads load when their discussion comes up from below the screen; articles the
// infinite-scroll loader adds later are watched too.
const seen = new WeakSet();
const watcher = new IntersectionObserver((entries) => {
  for (const e of entries) {
    if (e.isIntersecting && !seen.has(e.target)) {
      seen.add(e.target);
      watcher.unobserve(e.target);
      open(e.target);
    }
  }
  // Only ahead of the reader (below the screen), never above it: a thread that grew above
  // what the reader is looking at would push the page away from under their eyes (and the
  // infinite-scroll loader's sense of which article is being read with it).
}, { rootMargin: "0px 0px 300px 0px" });

function watchAll(root) {
  for (const s of root.querySelectorAll(".discussion[data-article]")) if (!seen.has(s)) watcher.observe(s);
}
watchAll(document);
new MutationObserver((changes) => {
  for (const c of changes) for (const n of c.addedNodes) if (n.nodeType === 1) watchAll(n);
}).observe(document.body, { childList: true, subtree: true });
