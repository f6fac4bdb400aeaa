// Entry point of static/rich-editor.js: every body textarea marked `data-rich-editor`
// becomes a rich-text editor (see mount.js). Without this script the textarea is the editor.

import { mount } from "./mount.js";

for (const textarea of document.querySelectorAll("textarea[data-rich-editor]")) mount(textarea);
