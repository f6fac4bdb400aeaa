// Autosave of the article editor: every few seconds while the form's text differs from
// what was last stored, and once more as the page is left (a beacon, which outlives the
// page). The server keeps one autosave per account and article and never applies it to
// the article (see crates/newsroom/src/admin/articles/autosave.rs).
//
// Reads the body textarea, never the rich editor over it: the editor keeps the textarea's
// value in sync and fires `input` on it.

const EVERY_MS = 5000;
// The text fields; the others (photos, section, tags, flags) are picked, not typed.
const FIELDS = ["headline", "lead", "body", "slug", "seo_title", "meta_description"];

const form = document.querySelector("form[data-editor]");
const status = document.querySelector("[data-autosave-status]");
const notice = document.querySelector("[data-autosave-notice]");

const csrf = () => form.elements.csrf?.value || document.body.dataset.csrf || "";

// What is posted. The token goes in the body too: a beacon cannot send headers.
const snapshot = () => {
  const data = new URLSearchParams();
  data.set("csrf", csrf());
  data.set("version", form.elements.version?.value ?? "");
  data.set("edition", form.elements.edition?.value ?? form.dataset.edition ?? "");
  // `form.elements` includes the inputs outside the form that name it (form="article-form").
  for (const name of FIELDS) {
    const field = form.elements[name];
    if (field) data.set(name, field.value);
  }
  return data;
};

// The same without the token, to tell whether anything changed.
const textOf = (data) => {
  const copy = new URLSearchParams(data);
  copy.delete("csrf");
  return copy.toString();
};

const say = (text) => {
  status.textContent = text;
};

// "not autosaved: …" from the server reads as a sentence; anything else gets the prefix.
const refusal = (message) =>
  /^not autosaved/i.test(message) ? message[0].toUpperCase() + message.slice(1) : `Not autosaved: ${message}`;

const start = () => {
  const url = status.dataset.url;
  if (!url) return;
  let stored = textOf(snapshot());
  let inFlight = null;
  // While the notice offers an earlier autosave, a new one would replace it unseen.
  let paused = Boolean(notice);
  // Set while the form is being submitted, and after a refusal that retrying cannot fix.
  let stopped = false;

  const send = async () => {
    if (paused || stopped || inFlight) return;
    const data = snapshot();
    const text = textOf(data);
    if (text === stored) return;
    inFlight = new AbortController();
    try {
      const response = await fetch(url, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { Accept: "application/json", "X-CSRF-Token": csrf() },
        signal: inFlight.signal,
      });
      const answer = await response.json().catch(() => null);
      if (response.ok && answer) {
        stored = text;
        say(
          answer.stale
            ? `Autosaved at ${answer.time} (someone else has saved this article since you opened it)`
            : `Autosaved at ${answer.time}`,
        );
        return;
      }
      if (response.status === 401) {
        say("Not autosaved: your session has ended; log in again in another tab");
        return;
      }
      say(refusal(answer?.error?.message ?? `the server answered ${response.status}`));
      // A newer save or autosave exists: retrying would be refused the same way.
      if (response.status === 409 || response.status === 403) stopped = true;
    } catch (err) {
      if (err.name !== "AbortError") say("Not autosaved: no connection; trying again");
    } finally {
      inFlight = null;
    }
  };

  // Leaving: one last autosave that survives the page. Browsers take at most 64 KB this
  // way; a longer text keeps the autosave of a few seconds ago.
  const leave = () => {
    if (paused || stopped) return;
    const data = snapshot();
    const text = textOf(data);
    if (text === stored) return;
    if (navigator.sendBeacon?.(url, data)) {
      stored = text;
      return;
    }
    fetch(url, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      keepalive: true,
      headers: { Accept: "application/json", "X-CSRF-Token": csrf() },
    }).catch(() => {});
  };

  setInterval(send, EVERY_MS);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") leave();
  });
  window.addEventListener("pagehide", leave);

  // Saving deletes the autosave on the server; one still on its way must not outlive it.
  form.addEventListener("submit", (event) => {
    if (event.submitter?.hasAttribute("data-preview")) return;
    stopped = true;
    inFlight?.abort();
    // A submit cancelled by another handler (a confirmation) goes on autosaving.
    setTimeout(() => {
      if (event.defaultPrevented) stopped = false;
    });
  });

  if (!notice) return;
  say("Autosave paused until you restore or discard the earlier autosave.");
  const discard = notice.querySelector("[data-autosave-discard]")?.form;
  discard?.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const response = await fetch(discard.action, {
        method: "POST",
        body: new URLSearchParams(new FormData(discard)),
        credentials: "same-origin",
        headers: { Accept: "application/json", "X-CSRF-Token": csrf() },
      });
      if (!response.ok) throw new Error(`${response.status}`);
      notice.remove();
      paused = false;
      say("Earlier autosave discarded.");
      form.elements.headline?.focus();
    } catch {
      say("Could not discard the earlier autosave; try again.");
    }
  });
};

if (form && status) start();
