"use client";
// A link to line n of a long note (`/notes/x.md#L1234`) arrives on the note's first window when
// the line is shown in a later one: the hash never reaches the server. This moves the page to
// the window that holds the line, keeping the hash so :target highlights it.
import { useEffect } from "react";

export function NoteLineJump() {
  useEffect(() => {
    const match = /^#L(\d+)$/.exec(window.location.hash);
    if (!match || document.getElementById(`L${match[1]}`)) return;
    const url = new URL(window.location.href);
    url.searchParams.set("line", match[1] ?? "1");
    window.location.replace(url.toString());
  }, []);
  return null;
}
