// Word count and reading time under the body, live. The rule is newsdesk_core::reading's
// (crates/core/src/reading.rs), which renders the first count: change both together.
// A word is a run of non-space characters with a letter or digit of any script, so
// Arabic and Cyrillic words count and punctuation does not; embed lines (`::photo[3]`)
// are blocks, not words.

const WORDS_PER_MINUTE = 230;
const WORD = /[\p{Alphabetic}\p{N}]/u;

export const countWords = (text) => text.split(/\s+/u).filter((w) => WORD.test(w)).length;

export const bodyWords = (source) =>
  source
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("::"))
    .reduce((n, line) => n + countWords(line), 0);

export const readingLabel = (words) => {
  const noun = words === 1 ? "word" : "words";
  if (words === 0) return `0 ${noun}`;
  return `${words} ${noun} · ${Math.ceil(words / WORDS_PER_MINUTE)} min read`;
};

const body = document.querySelector("form[data-editor] textarea[name=body]");
const out = document.querySelector("[data-word-count]");
if (body && out) {
  // One count per frame however fast the keys come (a long body takes a few ms).
  let queued = false;
  body.addEventListener("input", () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      out.textContent = readingLabel(bodyWords(body.value));
    });
  });
}
