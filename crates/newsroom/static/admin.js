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

confirmForms();
backButtons();
copyFields();

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
