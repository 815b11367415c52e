// Renders search segments. Every segment is a React text child, so note text is escaped by
// React; only the <mark> element is ours.
export interface TextSegment {
  text: string;
  highlight: boolean;
}

export function HighlightedText({ segments }: { segments: readonly TextSegment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.highlight ? (
          <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-inherit dark:bg-amber-500/40">
            {segment.text}
          </mark>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}
