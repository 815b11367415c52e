// Plain text with its https:// URLs turned into links (lint messages cite AWS documentation).
// Everything stays React text; only URLs that start with https:// become href values.
import type { ReactNode } from "react";

const URL_PATTERN = /https:\/\/[^\s()<>"']+[^\s()<>"'.,;:!?]/g;

export function LinkifiedText({ text, linkLabel }: { text: string; linkLabel?: (url: string) => string }) {
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    if (match.index > cursor) parts.push(text.slice(cursor, match.index));
    const url = match[0];
    parts.push(
      <a key={match.index} href={url} target="_blank" rel="noreferrer noopener" className="whitespace-nowrap underline underline-offset-2">
        {linkLabel ? linkLabel(url) : url}
      </a>,
    );
    cursor = match.index + url.length;
  }
  if (cursor < text.length) parts.push(text.slice(cursor));
  return <>{parts}</>;
}

export function documentationLabel(url: string): string {
  return /docs\.aws\.amazon\.com|aws\.amazon\.com/.test(url) ? "AWS 문서 ↗" : `${new URL(url).hostname} ↗`;
}
