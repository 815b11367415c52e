import styles from "./topic-content.module.css";

/**
 * The topic's HTML as the ingester stored it. It was sanitised there (rehype-sanitize: no
 * script, no event handlers, no javascript: URLs); this is the only place the app renders
 * stored HTML, and it renders nothing else from note text as HTML.
 */
/**
 * Wide tables and code blocks scroll sideways inside themselves; a keyboard user can only scroll
 * a region that takes focus (WCAG 2.1.1, axe "scrollable-region-focusable"). The attribute is
 * added to the opening tags of the sanitised HTML; escaped text ("&lt;pre") cannot match.
 */
function withFocusableScrollers(html: string): string {
  return html.replace(/<(pre|table)(?=[\s>])/g, '<$1 tabindex="0"');
}

export function TopicContent({ html }: { html: string }) {
  if (!html.trim()) {
    return <p className="text-sm text-slate-500 dark:text-slate-400">이 주제에는 본문이 없습니다. 아래 하위 주제를 열어 보세요.</p>;
  }
  return <div className={styles.content} dangerouslySetInnerHTML={{ __html: withFocusableScrollers(html) }} />;
}
