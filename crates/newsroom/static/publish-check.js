// The warning before publishing. The server refuses to publish an article without a section
// or a byline (and says so after saving the draft); this says it before the button is
// pressed: a checklist beside the buttons that follows the form as it changes, and a dialog
// when a publish, a "Publish now" or a schedule is asked for while something is missing.

const NEEDS = [
  { key: "section", missing: (form) => !form.elements.section_id?.value, focus: "#section_id" },
  {
    key: "byline",
    missing: (form) => (form.elements.author_ids?.selectedOptions?.length ?? 0) === 0,
    focus: "#author_ids-chip-input, #author_ids",
  },
];

export const start = (form) => {
  const checklist = document.querySelector("[data-publish-check]");
  const dialog = document.getElementById("publish-warning");
  if (!checklist || !dialog) return;
  // Which of the needs the saved version lacks, as the server rendered it: "Publish now" and
  // "Schedule" act on the saved version, not on what is in the form.
  const savedMissing = new Set((checklist.dataset.savedMissing || "").split(" ").filter(Boolean));

  const missingNow = () => NEEDS.filter((need) => need.missing(form));

  const update = () => {
    const missing = new Set(missingNow().map((n) => n.key));
    for (const item of checklist.querySelectorAll("[data-needs]")) item.hidden = !missing.has(item.dataset.needs);
    checklist.hidden = missing.size === 0;
  };

  const warn = (missing, { saved, canSaveAndPublish }) => {
    const list = dialog.querySelector("[data-missing]");
    list.replaceChildren(
      ...missing.map((need) => {
        const li = document.createElement("li");
        li.textContent = checklist.querySelector(`[data-needs="${need.key}"]`)?.textContent.trim() || need.key;
        return li;
      }),
    );
    dialog.querySelector("[data-saved-only]").hidden = !saved;
    dialog.querySelector("[data-save-draft]").hidden = saved;
    dialog.querySelector("[data-save-and-publish]").hidden = !canSaveAndPublish;
    dialog.returnValue = "";
    dialog.showModal();
    dialog.addEventListener(
      "close",
      () => {
        const choice = dialog.returnValue;
        if (choice === "draft") form.requestSubmit(form.querySelector('button[name="then"][value="save"]'));
        else if (choice === "publish") form.requestSubmit(form.querySelector('button[name="then"][value="publish"]') || undefined);
        else document.querySelector(missing[0]?.focus ?? "#section_id")?.focus();
      },
      { once: true },
    );
  };

  form.addEventListener("submit", (event) => {
    if (event.submitter?.name !== "then" || event.submitter.value !== "publish") return;
    const missing = missingNow();
    if (missing.length === 0) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    warn(missing, { saved: false, canSaveAndPublish: false });
  });

  // "Publish now" and "Schedule" publish what was saved.
  for (const other of document.querySelectorAll("form[data-publishes-saved]")) {
    other.addEventListener("submit", (event) => {
      const missing = NEEDS.filter((need) => savedMissing.has(need.key));
      if (missing.length === 0) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      // "Save and publish" is offered only when the form now has what the saved version lacks.
      const fixed = missingNow().length === 0 && form.querySelector('button[name="then"][value="publish"]');
      warn(missing, { saved: true, canSaveAndPublish: Boolean(fixed) });
    });
  }

  for (const name of ["section_id", "author_ids"]) {
    document.getElementById(name)?.addEventListener("change", update);
  }
  update();
};
