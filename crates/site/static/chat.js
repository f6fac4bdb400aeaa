// Chats (docs/LIVE.md): the room UI — a live log of messages, who is here, and for a reader
// who may write, the composer — on a chat page (mounted on the server-rendered list) and
// in a side panel an article's chat link opens. Names and texts reach the page as text;
// only a message's `html`, escaped by the server, is set as markup.

const strings = document.getElementById("live-strings");
const LIMIT = 500;
const PING_MS = 25000;
const ACK_MS = 10000;
const lang = document.documentElement.lang || undefined;
const clock = new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

const DEFAULTS = {
  "chat-send": "Send", "chat-placeholder": "Write a message…", "chat-login": "Log in to write",
  "chat-confirm": "Confirm your email address to write", "chat-closed": "This chat is closed",
  "chat-presence": "{n} here", "chat-staff": "Staff", "chat-reconnecting": "Reconnecting…",
  "chat-older": "Earlier messages", "chat-close": "Close chat", "chat-title": "Chat",
  "chat-error-other": "The message was not sent: {message}",
};

function text(name, vars = {}) {
  const s = strings?.getAttribute(`data-${name}`) ?? DEFAULTS[name] ?? "";
  return s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k] ?? "") : m));
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (v !== false && v != null) node.setAttribute(k, v === true ? "" : v);
  }
  node.append(...children);
  return node;
}

// An error or a reason for not writing, in the page's language.
function problem(code, message, retryAfter) {
  if (code === "not_logged_in") return text("chat-login");
  if (code === "not_confirmed") return text("chat-confirm");
  const localized = strings?.getAttribute(`data-chat-error-${code}`);
  return localized != null
    ? text(`chat-error-${code}`, { s: retryAfter ?? "", message: message ?? "" })
    : text("chat-error-other", { message: message || code });
}

const chars = (s) => [...s].length;
const idOf = (li) => Number(li.dataset.id) || 0;

function messageNode(m) {
  const li = el("li", { class: `chat__message${m.author?.staff ? " chat__message--staff" : ""}`, "data-id": String(m.id) });
  li.append(el("span", { class: "chat__author", dir: "auto" }, m.author?.name ?? ""));
  if (m.author?.staff) li.append(" ", el("span", { class: "chat__badge" }, text("chat-staff")));
  const at = new Date(m.at);
  li.append(" ", el("time", { datetime: m.at }, Number.isNaN(at.getTime()) ? "" : clock.format(at)), " ");
  const body = el("span", { class: "chat__text", dir: "auto" });
  body.innerHTML = m.html; // escaped by the server: inert links are the only markup
  li.append(body);
  return li;
}

/// Mounts the room UI in `root` (a `.chat` element) and connects. Returns `close()`.
function mountRoom(root, roomId, { onRoom } = {}) {
  let list = root.querySelector(".chat__messages");
  if (!list) list = root.appendChild(el("ol", { class: "chat__messages" }));
  list.setAttribute("role", "log");
  list.setAttribute("aria-live", "polite");
  const bar = el("p", { class: "chat__bar" });
  const presence = el("span", { class: "chat__presence" });
  const status = el("span", { class: "chat__status", role: "status" });
  bar.append(presence, status);
  const older = el("button", { type: "button", class: "chat__older", hidden: true }, text("chat-older"));
  // The list scrolls with the "Earlier messages" button above its first message.
  const scroll = el("div", { class: "chat__scroll" });
  list.before(bar, scroll);
  scroll.append(older, list);

  let form = root.querySelector(".chat__form");
  if (!form) form = root.appendChild(el("form", { class: "chat__form", hidden: true }));
  const input = el("textarea", {
    class: "chat__input", rows: "2", dir: "auto", placeholder: text("chat-placeholder"),
    "aria-label": text("chat-placeholder"), enterkeyhint: "send",
  });
  const counter = el("span", { class: "chat__counter", "aria-live": "polite" });
  const send = el("button", { type: "submit", class: "chat__send", disabled: true }, text("chat-send"));
  form.replaceChildren(input, el("div", { class: "chat__actions" }, counter, send));
  const error = el("p", { class: "chat__error", role: "alert" });
  const notice = el("p", { class: "chat__notice", hidden: true });
  form.before(error);
  form.after(notice);

  let ws = null;
  let closed = false; // by the page: no more reconnecting
  let connected = false;
  let you = null;
  let open = true;
  let attempt = 0;
  let timer = null;
  let ping = null;
  let pending = null; // { ref, timer }
  let sends = 0;
  let welcomed = false;
  const mine = new Set();

  const lastId = () => (list.lastElementChild ? idOf(list.lastElementChild) : 0);
  const nearBottom = () => scroll.scrollHeight - scroll.scrollTop - scroll.clientHeight < 80;
  const toBottom = () => { scroll.scrollTop = scroll.scrollHeight; };

  function upsert(m) {
    const node = messageNode(m);
    if (mine.has(m.id)) node.classList.add("chat__message--mine");
    const old = list.querySelector(`li[data-id="${Number(m.id)}"]`);
    if (old) { old.replaceWith(node); return; }
    let after = list.lastElementChild;
    while (after && idOf(after) > m.id) after = after.previousElementSibling;
    if (after) after.after(node); else list.prepend(node);
  }

  function remove(id) { list.querySelector(`li[data-id="${Number(id)}"]`)?.remove(); }

  // The page's "no messages yet" line goes once there are some.
  function emptiness() { root.querySelector(".chat__empty")?.toggleAttribute("hidden", list.children.length > 0); }

  function setPresence(n) { presence.textContent = text("chat-presence", { n }); }

  function canWrite() { return connected && open && you?.can_write; }

  function update() {
    const n = chars(input.value);
    const left = LIMIT - n;
    counter.textContent = left <= 100 ? String(left) : "";
    counter.classList.toggle("chat__counter--over", left < 0);
    send.disabled = !canWrite() || !input.value.trim() || left < 0 || !!pending;
    input.readOnly = !!pending;
    form.setAttribute("aria-busy", pending ? "true" : "false");
  }

  function composer() {
    const writes = you?.can_write && open;
    form.hidden = !writes;
    notice.hidden = !!writes || !you;
    if (!writes && you) {
      const reason = !open ? "closed" : you.reason || (you.name ? "other" : "not_logged_in");
      notice.replaceChildren();
      const login = strings?.getAttribute("data-login-href");
      if (reason === "not_logged_in" && login) notice.append(el("a", { href: login }, text("chat-login")));
      else notice.append(reason === "closed" ? text("chat-closed") : problem(reason, ""));
    }
    update();
  }

  function release() {
    if (pending) clearTimeout(pending.timer);
    pending = null;
    update();
  }

  function submit() {
    const value = input.value;
    if (!canWrite() || !value.trim() || chars(value) > LIMIT || pending) return;
    const ref = `s${Date.now().toString(36)}-${++sends}`;
    error.textContent = "";
    // The text stays in the composer until the server has stored it.
    pending = { ref, timer: setTimeout(release, ACK_MS) };
    ws.send(JSON.stringify({ type: "send", ref, text: value }));
    update();
  }

  function handle(msg) {
    switch (msg.type) {
      case "welcome": {
        if (msg.complete === false && list.children.length) {
          // More was missed than the server resends: start over from the newest.
          list.replaceChildren();
          const stale = ws;
          ws = null;
          stale.close(4000, "reload");
          connect();
          return;
        }
        const had = list.children.length;
        const stick = !had || nearBottom();
        attempt = 0;
        connected = true;
        status.textContent = "";
        root.classList.remove("chat--offline");
        you = msg.you || null;
        open = msg.room?.open !== false;
        if (msg.room) onRoom?.(msg.room);
        setPresence(msg.presence ?? msg.room?.presence ?? 0);
        const history = msg.history || [];
        for (const m of history) upsert(m);
        for (const id of msg.deleted || []) remove(id);
        // Older messages may exist when the first answer was full (the server sends 50).
        if (!welcomed) older.hidden = (had ? had : history.length) < 50;
        welcomed = true;
        emptiness();
        if (pending) release(); // unanswered: the reader may send it again
        composer();
        if (stick) toBottom();
        break;
      }
      case "message": {
        const stick = nearBottom();
        upsert(msg);
        emptiness();
        if (stick) toBottom();
        break;
      }
      case "ack":
        mine.add(msg.id);
        list.querySelector(`li[data-id="${Number(msg.id)}"]`)?.classList.add("chat__message--mine");
        if (pending?.ref === msg.ref) {
          input.value = "";
          release();
          input.focus();
        }
        break;
      case "deleted": remove(msg.id); emptiness(); break;
      case "presence": setPresence(msg.count); break;
      case "room":
        if (msg.open !== false && !open) {
          const stale = ws;
          ws = null;
          stale.close(4000, "reopened");
          connect();
          return;
        }
        open = msg.open !== false;
        composer();
        break;
      case "history": {
        const before = scroll.scrollHeight - scroll.scrollTop;
        for (const m of msg.messages || []) upsert(m);
        older.hidden = !!msg.complete;
        scroll.scrollTop = scroll.scrollHeight - before;
        older.disabled = false;
        break;
      }
      case "error":
        if (!msg.ref || msg.ref === pending?.ref) release();
        error.textContent = problem(msg.code, msg.message, msg.retry_after);
        if (msg.retry_after > 0) {
          // "Wait n s" is over once the n seconds are.
          const shown = error.textContent;
          setTimeout(() => { if (error.textContent === shown) error.textContent = ""; }, msg.retry_after * 1000);
        }
        break;
      default: break; // pong, and whatever a newer server adds
    }
  }

  // The socket is gone (closed, or silent too long): show it and come back later.
  function lost(socket, code) {
    if (ws !== socket) return;
    ws = null;
    connected = false;
    clearInterval(ping);
    update();
    if (closed) return;
    status.textContent = text("chat-reconnecting");
    root.classList.add("chat--offline");
    // A client that fell behind (4008) comes back at once; anything else backs off.
    const base = code === 4008 ? 250 : Math.min(30000, 1000 * 2 ** attempt);
    attempt += 1;
    timer = setTimeout(connect, base * (0.75 + Math.random() / 2));
  }

  function connect() {
    clearTimeout(timer);
    if (closed) return;
    const proto = location.protocol === "https:" ? "wss:" : "ws:";
    const after = lastId();
    const url = `${proto}//${location.host}/api/v1/chat/rooms/${encodeURIComponent(roomId)}/socket${after ? `?after=${after}` : ""}`;
    const socket = new WebSocket(url, "newsdesk.chat.v1");
    let heard = Date.now();
    ws = socket;
    socket.addEventListener("message", (e) => {
      heard = Date.now();
      if (ws !== socket || typeof e.data !== "string") return;
      let msg;
      try { msg = JSON.parse(e.data); } catch { return; }
      handle(msg);
    });
    socket.addEventListener("close", (e) => lost(socket, e.code));
    clearInterval(ping);
    ping = setInterval(() => {
      if (socket.readyState !== WebSocket.OPEN) return;
      // Two pings without an answer: the connection is dead even if the socket is not.
      if (Date.now() - heard > 2.5 * PING_MS) { socket.close(); lost(socket, 1006); return; }
      socket.send(JSON.stringify({ type: "ping" }));
    }, PING_MS);
  }

  // Back online: try now rather than when the backoff says.
  const online = () => { if (!ws && !closed) { attempt = 0; connect(); } };
  window.addEventListener("online", online);

  input.addEventListener("input", update);
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); submit(); }
  });
  form.addEventListener("submit", (e) => { e.preventDefault(); submit(); });
  older.addEventListener("click", () => {
    const first = list.firstElementChild;
    if (!first || !connected) return;
    older.disabled = true;
    ws.send(JSON.stringify({ type: "history", before: idOf(first) }));
  });

  connect();
  return {
    input,
    close() {
      closed = true;
      window.removeEventListener("online", online);
      clearTimeout(timer);
      clearInterval(ping);
      if (pending) clearTimeout(pending.timer);
      ws?.close(1000, "closed");
    },
  };
}

// --- The side panel an article's chat link opens ------------------------------------------

let panel = null;

function closePanel() {
  if (!panel) return;
  const { node, room, link, onKey } = panel;
  panel = null;
  room?.close();
  document.removeEventListener("keydown", onKey);
  document.documentElement.classList.remove("chat-panel-open");
  node.remove();
  link.focus();
}

async function openPanel(link) {
  if (panel) {
    if (panel.link === link) { panel.node.querySelector(".chat-panel__close").focus(); return; }
    closePanel();
  }
  const title = el("a", { class: "chat-panel__title", href: link.href, dir: "auto" }, text("chat-title"));
  const close = el("button", { type: "button", class: "chat-panel__close", "aria-label": text("chat-close"), title: text("chat-close") }, "×");
  const body = el("div", { class: "chat chat--panel" });
  const node = el("aside", { class: "chat-panel", role: "dialog", "aria-label": text("chat-title") },
    el("header", { class: "chat-panel__header" }, el("h2", { class: "chat-panel__heading" }, title), close), body);
  const onKey = (e) => { if (e.key === "Escape" && panel?.node === node) { e.preventDefault(); closePanel(); } };
  panel = { node, link, onKey, room: null };
  close.addEventListener("click", closePanel);
  document.addEventListener("keydown", onKey);
  document.body.append(node);
  document.documentElement.classList.add("chat-panel-open");
  close.focus();

  try {
    const res = await fetch(`/api/v1/chat/articles/${encodeURIComponent(link.dataset.chatArticle)}/room`, {
      credentials: "same-origin", headers: { Accept: "application/json" },
    });
    const data = await res.json().catch(() => null);
    if (!res.ok || !data?.id) throw new Error(data?.error?.message || String(res.status));
    if (panel?.node !== node) return; // closed while loading
    const named = (room) => {
      if (!room.title) return;
      title.textContent = room.title;
      node.setAttribute("aria-label", `${text("chat-title")}: ${room.title}`);
      if (room.href) title.href = room.href;
    };
    named(data);
    panel.room = mountRoom(body, data.id, { onRoom: named });
  } catch (err) {
    if (panel?.node === node) body.replaceChildren(el("p", { class: "chat__error" }, text("chat-error-other", { message: err.message })));
  }
}

document.addEventListener("click", (e) => {
  const link = e.target.closest?.("a.chat-link[data-chat-article]");
  if (!link || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || !("WebSocket" in window)) return;
  e.preventDefault();
  openPanel(link);
});

// --- A chat page ------------------------------------------------------------------------

for (const section of document.querySelectorAll("section.chat[data-room]")) {
  if ("WebSocket" in window) mountRoom(section, section.dataset.room);
}
