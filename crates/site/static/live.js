// The live newsfeed: one event stream per page (docs/LIVE.md) keeps every newsfeed list on
// the page current and shows the newest breaking item in the banner at the foot of the window.
// Server strings only ever reach the page as text. Without JavaScript the lists are as
// the page was rendered.

const strings = document.getElementById("live-strings");
const edition = document.body.dataset.edition;
const banner = document.getElementById("breaking");
const DISMISSED = "nd-breaking-dismissed";
const FLASH_MS = 2500;

const lists = [...document.querySelectorAll(".newsfeed__list")].map((list) => ({
  list,
  page: list.classList.contains("newsfeed__list--page"),
  // A column keeps the number of items it was rendered with.
  max: list.querySelectorAll(":scope > li").length || 20,
}));
let shown = null; // the item in the banner
let fresh = 0; // items that arrived while no list was in view
let inView = false;
let pill;

function text(name, vars = {}) {
  const s = strings.getAttribute(`data-${name}`) || "";
  return s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

const when = (iso) => Date.parse(iso) || 0;

function dismissed() {
  try { return JSON.parse(localStorage.getItem(DISMISSED)) || []; } catch { return []; }
}

function dismiss(key) {
  const keys = dismissed().filter((k) => k !== key);
  keys.push(key);
  try { localStorage.setItem(DISMISSED, JSON.stringify(keys.slice(-50))); } catch { /* private mode */ }
}

function showBanner(item) {
  if (!banner) return;
  if (!item || dismissed().includes(item.key)) {
    shown = null;
    banner.hidden = true;
    banner.replaceChildren();
    return;
  }
  shown = item;
  const close = el("button", { type: "button", class: "breaking__dismiss", "aria-label": text("dismiss") }, "×");
  close.addEventListener("click", () => { dismiss(item.key); showBanner(null); });
  banner.replaceChildren(el("div", { class: "breaking__inner wrap" },
    el("span", { class: "breaking__label" }, text("breaking")),
    el("a", { class: "breaking__link", href: item.href, dir: "auto" }, item.headline),
    close));
  banner.hidden = false;
}

// The page makes room for the banner at its foot (site.css): as much as it is tall.
if (banner && "ResizeObserver" in window) {
  new ResizeObserver(() => {
    document.documentElement.style.setProperty("--breaking-block", `${banner.offsetHeight}px`);
  }).observe(banner);
}

function itemNode(item, page) {
  const classes = ["newsfeed__item"];
  if (item.important) classes.push("newsfeed__item--important");
  if (item.breaking) classes.push("newsfeed__item--breaking");
  const li = el("li", { class: classes.join(" "), "data-key": item.key, "data-published": item.published_at });
  const time = el("time", { datetime: item.datetime || item.published_at }, item.time || "");
  if (item.full) time.title = item.full;
  if (item.day) time.append(el("small", {}, item.day));
  if (page && item.kind === "item") li.id = `n${item.id}`;
  li.append(time, " ");
  // Breaking is labelled in words, in the column as on the newsfeed page: colour alone
  // says nothing to a screen reader or a colour-blind reader.
  if (item.breaking) li.append(el("span", { class: "badge badge--breaking" }, text("breaking")), " ");
  li.append(el("a", { href: item.href }, item.headline));
  if (page && item.text) li.append(el("p", { class: "newsfeed__text" }, item.text));
  return li;
}

function flash(li) {
  li.classList.add("newsfeed__item--fresh");
  setTimeout(() => li.classList.remove("newsfeed__item--fresh"), FLASH_MS);
}

function upsert(item) {
  let added = false;
  for (const { list, page, max } of lists) {
    const old = list.querySelector(`li[data-key="${CSS.escape(item.key)}"]`);
    const li = itemNode(item, page);
    old?.remove();
    const after = [...list.children].find((n) => when(n.dataset.published) < when(item.published_at));
    list.insertBefore(li, after || null);
    while (list.children.length > max) list.lastElementChild.remove();
    if (li.isConnected) {
      flash(li);
      if (!old) added = true;
    }
  }
  if (added && !inView && lists.length) count(1);
  if (item.breaking && (!shown || shown.key === item.key || when(item.published_at) > when(shown.published_at))) showBanner(item);
  else if (!item.breaking && shown?.key === item.key) showBanner(null);
}

function remove(key) {
  for (const { list } of lists) list.querySelector(`li[data-key="${CSS.escape(key)}"]`)?.remove();
  if (shown && shown.key === key) showBanner(null);
}

function reset(items) {
  for (const { list, page, max } of lists) list.replaceChildren(...items.slice(0, max).map((i) => itemNode(i, page)));
  if (shown && !items.some((i) => i.key === shown.key)) showBanner(null);
}

// "New: n", while the reader is away from the lists.
function count(n) {
  fresh = n ? fresh + n : 0;
  if (!pill) {
    pill = el("button", { type: "button", class: "live-pill", hidden: "" });
    pill.addEventListener("click", () => {
      const target = lists.find(({ list }) => list.offsetParent)?.list;
      const smooth = !matchMedia("(prefers-reduced-motion: reduce)").matches;
      (target?.closest(".newsfeed") || target)?.scrollIntoView({ behavior: smooth ? "smooth" : "auto", block: "start" });
      count(0);
    });
    document.body.append(pill);
  }
  pill.textContent = text("new", { n: fresh });
  pill.hidden = fresh === 0;
}

function watchLists() {
  if (!("IntersectionObserver" in window)) { inView = true; return; }
  const visible = new Set();
  const io = new IntersectionObserver((entries) => {
    for (const e of entries) (e.isIntersecting ? visible.add(e.target) : visible.delete(e.target));
    inView = visible.size > 0;
    if (inView && fresh) count(0);
  });
  for (const { list } of lists) io.observe(list);
}

function open(delay = 1000) {
  const source = new EventSource(`/api/v1/live/${encodeURIComponent(edition)}`);
  const data = (e) => { try { return JSON.parse(e.data); } catch { return null; } };
  source.addEventListener("hello", (e) => {
    delay = 1000;
    const items = (data(e)?.breaking || []).slice().sort((a, b) => when(b.published_at) - when(a.published_at));
    showBanner(items[0] || null);
  });
  source.addEventListener("item", (e) => { const d = data(e); if (d?.item) upsert(d.item); });
  source.addEventListener("remove", (e) => { const d = data(e); if (d?.key) remove(d.key); });
  source.addEventListener("reset", (e) => { const d = data(e); if (d?.items) reset(d.items); });
  // EventSource reconnects by itself (with Last-Event-ID) unless the server refused it.
  source.addEventListener("error", () => {
    if (source.readyState !== EventSource.CLOSED) return;
    source.close();
    setTimeout(() => open(Math.min(delay * 2, 60000)), delay * (0.75 + Math.random() / 2));
  });
}

if (strings && edition && "EventSource" in window) {
  watchLists();
  open();
}
