// Midad's preview script: patches the article in place (no reload, scroll kept),
// follows the editor's scroll and cursor, and hides remote media unless allowed.
// Served from the midad: scheme; the page's CSP lets no other script run.
"use strict";
(function () {
  const BLOCKS = "#midad-article h1.title, #midad-article .article-body p, #midad-article .article-body li, " +
    "#midad-article .article-body h1, #midad-article .article-body h2, #midad-article .article-body h3, " +
    "#midad-article .article-body h4, #midad-article .article-body h5, #midad-article .article-body h6, " +
    "#midad-article .article-body blockquote, #midad-article .article-body pre, #midad-article .article-body td, " +
    "#midad-article .article-body th";
  const normalise = (text) => (text || "").replace(/\s+/g, " ").trim();
  const remoteMediaAllowed = !!document.querySelector('meta[name="midad-remote-media"][content="allowed"]');
  let updates = 0;

  function isRemote(url) { return /^(https?:)?\/\//i.test(url || ""); }

  function blockRemoteMedia(root) {
    if (remoteMediaAllowed) return;
    root.querySelectorAll("img, iframe, video, audio, source").forEach((element) => {
      const source = element.getAttribute("src");
      if (!isRemote(source)) return;
      const note = document.createElement("span");
      note.className = "midad-blocked-media";
      note.textContent = "وسائط خارجية محجوبة في المعاينة: " + source;
      element.replaceWith(note);
    });
  }

  function find(snippet) {
    const wanted = normalise(snippet);
    if (!wanted) return null;
    for (const element of document.querySelectorAll(BLOCKS)) {
      if (normalise(element.textContent).startsWith(wanted)) return element;
    }
    for (const element of document.querySelectorAll(BLOCKS)) {
      if (normalise(element.textContent).includes(wanted)) return element;
    }
    return null;
  }

  // The cursor's block mark is the page's own, not the render's: ignored when comparing.
  const MARK = "midad-current";
  const withoutMark = (element) => Array.from(element.classList).filter((name) => name !== MARK).join(" ");

  function sameElementShell(first, second) {
    if (first.nodeType !== Node.ELEMENT_NODE || second.nodeType !== Node.ELEMENT_NODE) return false;
    if (first.tagName !== second.tagName || withoutMark(first) !== withoutMark(second)) return false;
    const names = (element) => element.getAttributeNames().filter((name) => name !== "class").sort().join(" ");
    if (names(first) !== names(second)) return false;
    return first.getAttributeNames().every((name) => name === "class" || first.getAttribute(name) === second.getAttribute(name));
  }

  // Replaces only the nodes that differ: a keystroke changes one paragraph (and perhaps the
  // header's reading time), and rebuilding and laying out again the whole article on every
  // keystroke was most of the patch's cost.
  function patchChildren(target, source) {
    const current = Array.from(target.childNodes);
    const wanted = Array.from(source.childNodes);
    if (current.length === wanted.length) {
      current.forEach((node, index) => {
        if (node.isEqualNode(wanted[index])) return;
        if (node.nodeType === Node.ELEMENT_NODE && node.classList.contains(MARK) && sameElementShell(node, wanted[index])) {
          wanted[index].classList.add(MARK);  // the marked block, unchanged but for its mark?
          if (node.isEqualNode(wanted[index])) return;
          wanted[index].classList.remove(MARK);
        }
        if (sameElementShell(node, wanted[index])) patchChildren(node, wanted[index]);
        else node.replaceWith(wanted[index]);
      });
      return;
    }
    // Paragraphs added or removed: keep the equal ones at both ends, replace the middle.
    let start = 0;
    while (start < current.length && start < wanted.length && current[start].isEqualNode(wanted[start])) start += 1;
    let currentEnd = current.length - 1;
    let wantedEnd = wanted.length - 1;
    while (currentEnd >= start && wantedEnd >= start && current[currentEnd].isEqualNode(wanted[wantedEnd])) {
      currentEnd -= 1;
      wantedEnd -= 1;
    }
    const before = current[currentEnd + 1] || null;
    for (let index = start; index <= currentEnd; index += 1) current[index].remove();
    for (let index = start; index <= wantedEnd; index += 1) target.insertBefore(wanted[index], before);
  }

  window.midad = {
    update(html) {
      const article = document.getElementById("midad-article");
      const incoming = document.createElement("template");
      incoming.innerHTML = html;
      blockRemoteMedia(incoming.content);  // as the page shows it, so unchanged media compare equal
      patchChildren(article, incoming.content);
      updates += 1;
      return updates;
    },
    updates() { return updates; },
    scrollTo(snippet, fraction) {
      const element = find(snippet);
      if (element) {
        window.scrollTo({ top: element.getBoundingClientRect().top + window.scrollY - 12, behavior: "instant" });
      } else {
        const height = document.documentElement.scrollHeight - window.innerHeight;
        window.scrollTo({ top: Math.max(0, height * fraction), behavior: "instant" });
      }
      return window.scrollY;
    },
    mark(snippet) {
      document.querySelectorAll(".midad-current").forEach((element) => element.classList.remove("midad-current"));
      const element = find(snippet);
      if (!element) return false;
      element.classList.add("midad-current");
      const box = element.getBoundingClientRect();
      if (box.bottom < 0 || box.top > window.innerHeight) element.scrollIntoView({ block: "center" });
      return true;
    },
  };
  blockRemoteMedia(document);
})();
