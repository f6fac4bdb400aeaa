// Newsroom enhancements. Every page works without this file; it only adds comfort:
// confirmations, copy fields, the editor's pickers and live preview.

const confirmForms = () => {
  for (const form of document.querySelectorAll("form[data-confirm]")) {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  }
};

const backButtons = () => {
  for (const button of document.querySelectorAll("[data-back]")) {
    if (window.history.length < 2) continue;
    button.hidden = false;
    button.addEventListener("click", () => window.history.back());
  }
};

const copyFields = () => {
  for (const field of document.querySelectorAll("input[data-copy]")) {
    field.addEventListener("focus", () => field.select());
    const button = document.createElement("button");
    button.type = "button";
    button.className = "small";
    button.textContent = "Copy";
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(field.value);
        button.textContent = "Copied";
      } catch {
        field.select();
      }
    });
    field.after(button);
  }
};

// `data-maxlength` is `maxlength` without its silent cut: a paste past the limit stays
// whole (nothing the editor wrote is thrown away), the count under the field says how far
// over it is, and the form will not submit until it is within. Characters are counted as
// the server counts them (code points, a line break as one).
const lengthLimits = () => {
  for (const field of document.querySelectorAll("textarea[data-maxlength]")) {
    const max = Number(field.dataset.maxlength);
    if (!Number.isFinite(max) || max <= 0) continue;
    const count = document.createElement("p");
    count.className = "hint length-count";
    count.setAttribute("aria-live", "polite");
    const update = () => {
      const length = [...field.value].length;
      const over = length - max;
      count.textContent = over > 0
        ? `${length.toLocaleString("en")} of ${max.toLocaleString("en")} characters: ${over.toLocaleString("en")} too many, so it cannot be saved`
        : `${length.toLocaleString("en")} of ${max.toLocaleString("en")} characters`;
      count.classList.toggle("field-error", over > 0);
      field.setCustomValidity(over > 0 ? `At most ${max.toLocaleString("en")} characters; remove ${over.toLocaleString("en")}.` : "");
    };
    field.after(count);
    field.addEventListener("input", update);
    update();
  }
};

confirmForms();
backButtons();
copyFields();
lengthLimits();

if (document.querySelector("form[data-editor]")) {
  import("./editor.js").then((m) => m.start());
}
const focusPicker = document.querySelector("[data-focus-picker]");
if (focusPicker) {
  import("./focus.js").then((m) => m.start(focusPicker));
}
const translation = document.querySelector("form[data-translation-picker]");
if (translation) {
  import("./pickers.js").then((m) => m.translationPicker(translation));
}
