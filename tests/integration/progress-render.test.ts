// The progress components rendered to HTML from a real dashboard (SQLite): every chart is an
// accessible image with a title, a description and a table alternative, the readiness method is
// stated, "지금 복습" links go to that topic's review, and nothing is left undefined.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackupForm } from "@/components/progress/backup-form";
import { BarChart } from "@/components/progress/bar-chart";
import { HeatmapChart } from "@/components/progress/heatmap-chart";
import { HomeProgressPanel } from "@/components/progress/home-progress-panel";
import { MasteryChart } from "@/components/progress/mastery-chart";
import { ProgressTable } from "@/components/progress/progress-table";
import { ReadinessPanel } from "@/components/progress/readiness-panel";
import { RetentionChart } from "@/components/progress/retention-chart";
import { TopicProgressPanel } from "@/components/progress/topic-progress-panel";
import { parseProgressSort } from "@/lib/core/progress/mastery";
import { DEFAULT_LEARNER_ID } from "@/lib/server/db";
import { fetchProgressDashboard, fetchTopicProgress, type ProgressDashboard } from "@/lib/server/progress";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { seedProgressHistory } from "./progress-seed";

const learnerId = DEFAULT_LEARNER_ID;
const now = new Date("2026-03-10T01:00:00Z");

describe("progress components", () => {
  let test: TestDatabase;
  let dashboard: ProgressDashboard;

  beforeAll(async () => {
    test = await createTestDatabase("sqlite");
    await seedProgressHistory(test.db, learnerId, now, { withExam: true });
    await test.db.learnerSettings.update({ where: { learnerId }, data: { examDate: new Date("2026-04-10T00:00:00Z") } });
    dashboard = await fetchProgressDashboard(test.db, { learnerId, now }, parseProgressSort({}));
  });
  afterAll(async () => {
    await test?.cleanup();
  });

  it("renders the dashboard's panels with accessible charts", async () => {
    const sort = parseProgressSort({});
    const html = [
      createElement(ReadinessPanel, { readiness: dashboard.readiness }),
      createElement(MasteryChart, { id: "topic-mastery", title: "주제별 숙달도", rows: dashboard.topics }),
      createElement(ProgressTable, { rows: dashboard.topics, sort, kind: "topic", timeZone: dashboard.timeZone, caption: "주제별 진도" }),
      createElement(ProgressTable, { rows: dashboard.domains, sort, kind: "domain", timeZone: dashboard.timeZone, caption: "영역별 진도" }),
      createElement(HeatmapChart, { heatmap: dashboard.heatmap }),
      createElement(BarChart, { id: "due", title: "복습 예정", description: "설명", unit: "장", columns: ["날짜", "카드"], bars: dashboard.due.map((day) => ({ key: String(day.day), label: String(day.offset), value: day.cards, text: `${day.cards}장` })) }),
      createElement(RetentionChart, { months: dashboard.retention, desired: 0.9 }),
      createElement(BackupForm, { action: async (state) => state, maxKilobytes: 900 }),
    ]
      .map((element) => renderToStaticMarkup(element))
      .join("\n");
    expect(html).not.toMatch(/undefined|NaN/);
    const images = html.match(/<svg[^>]*role="img"[^>]*>/g) ?? [];
    expect(images.length).toBeGreaterThanOrEqual(5);
    for (const svg of images) expect(svg).toMatch(/aria-labelledby="[^"]+"/);
    expect((html.match(/<details/g) ?? []).length).toBeGreaterThanOrEqual(5); // table alternatives + the method
    expect(html).toContain("이 점수는 어떻게 계산하나요?");
    expect(html).toContain("지금 공부를 멈추면");
    expect(html).toContain('href="/review?topic=lambda"');
    expect(html).toContain('aria-sort="ascending"');
    expect(html).toContain(`${dashboard.readiness.estimate!.scaled}점`);
  });

  it("renders a topic's panel and the home panel", async () => {
    const topic = await fetchTopicProgress(test.db, { learnerId, now, topicKey: "lambda" });
    const html = renderToStaticMarkup(createElement(TopicProgressPanel, { progress: topic! })) + renderToStaticMarkup(createElement(HomeProgressPanel, { readiness: dashboard.readiness }));
    expect(html).not.toMatch(/undefined|NaN/);
    expect(html).toContain('href="/review?topic=lambda"');
    expect(html).toContain("시험 준비도");
    expect(html).toContain("시험까지 31일");
  });
});
