// Reading order, breadcrumbs, display titles and a topic's questions on the learner's real notes
// as the ingester stores them and the banks as questions:sync stores them (SQLite; PostgreSQL
// when available). The notes are content/notes; the cases below are the ones a learner met:
// Lambda shown under "Amazon EKS", 이전/다음 jumping to another note, three pages titled "요약".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/support/databases";
import { runIngest } from "@/lib/server/ingest";
import { syncQuestionBanks } from "@/lib/server/questions/sync";
import { fetchNoteView, fetchStudyStart, fetchTopicPage, fetchTopicTree, flattenTree } from "@/lib/server/study";
import { currentLearnerId } from "@/lib/server/learners";

const NOW = new Date("2026-11-20T09:00:00Z");
const LAMBDA_NOTE = "solution-architecture-ecr-eks-lambda.md";

for (const provider of testProviders()) {
  describe(`reading the ingested notes (${provider})`, () => {
    let database: TestDatabase;
    const page = async (slug: string) => {
      const found = await fetchTopicPage(database.db, slug);
      expect(found, slug).not.toBeNull();
      return found!;
    };

    beforeAll(async () => {
      database = await createTestDatabase(provider);
      await runIngest(database.db, { notesDir: "content/notes", now: NOW, workers: 0 });
      await syncQuestionBanks(database.db, { questionsDir: "content/questions", now: NOW });
    }, 180_000);
    afterAll(async () => {
      await database.cleanup();
    });

    it("Lambda's breadcrumb follows the topic tree, not the heading level that put it under EKS", async () => {
      const lambda = await page("lambda-aws-lambda-part-1");
      expect(lambda.headingPath.join(" / ")).toContain("EKS"); // the note's heading levels say so…
      expect(lambda.category.name).toBe("서버리스");
      expect(lambda.ancestors.map((a) => a.title).join(" / ")).not.toMatch(/EKS|Kubernetes/); // …the tree does not
      const concurrency = await page("lambda-concurrency-and-throttling");
      expect(concurrency.ancestors).toEqual([{ slug: "lambda-aws-lambda-part-1", title: "AWS Lambda - Part 1" }]);
    });

    it("이전/다음 of a section are the adjacent sections of the same note", async () => {
      const concurrency = await page("lambda-concurrency-and-throttling");
      expect(concurrency.sources[0]).toMatchObject({ notePath: LAMBDA_NOTE, line: 168 });
      expect(concurrency.previous).toEqual({ slug: "lambda-aws-lambda-part-1", title: "AWS Lambda - Part 1", noteTitle: null });
      expect(concurrency.next).toEqual({ slug: "lambda-codedeploy", title: "Lambda & CodeDeploy", noteTitle: null });
      // Across a service boundary inside the note: the section written before Lambda is EKS's.
      const lambda = await page("lambda-aws-lambda-part-1");
      expect(lambda.previous).toMatchObject({ slug: "ecs-anywhere-amazon-ecs-anywhere-eks-anywhere", noteTitle: null });
      expect(lambda.next).toMatchObject({ slug: "lambda-concurrency-and-throttling", noteTitle: null });
    });

    it("walking 다음 from a note's first section visits its sections in line order", async () => {
      const first = await page("solution-architecture-on-aws");
      const lines: number[] = [];
      let current: string | null = first.slug;
      for (let i = 0; i < 12 && current; i++) {
        const topic = await page(current);
        const source = topic.sources.find((s) => s.notePath === topic.sources[0]!.notePath)!;
        lines.push(source.line);
        current = topic.next?.noteTitle === null ? topic.next.slug : null;
      }
      expect(lines.length).toBe(12);
      expect([...lines].sort((a, b) => a - b)).toEqual(lines);
    });

    it("a generic title carries its parent's name in the title, the tree, breadcrumbs and 이전/다음", async () => {
      const summary = await page("ecr-요약");
      expect(summary.heading).toBe("요약");
      expect(summary.title).toBe("Amazon ECR - Elastic Container Registry · 요약");
      const spot = await page("ecs-요약-amazon-ecs-spot-instances");
      expect(spot.title).toMatch(/Spot Instances · 요약$/);
      const lambdaDefault = await page("lambda-default");
      expect(lambdaDefault.title).toBe("Lambda 네트워킹 · default");

      const titles = flattenTree(await fetchTopicTree(database.db)).map((node) => node.title);
      expect(titles).toContain("Amazon ECR - Elastic Container Registry · 요약");
      expect(titles.filter((title) => ["요약", "default", "주요 기능", "사용 사례"].includes(title))).toEqual([]);

      const note = await fetchNoteView(database.db, "solution-architecture-ecs-fargate-ecr-eks.md");
      expect(Object.values(note!.topicsByLine).flat().map((topic) => topic.title)).toContain("Amazon ECR - Elastic Container Registry · 요약");

      // A neighbour that is a generic heading is named the same way.
      const neighbours = await Promise.all(["ecr-이미지-라이프사이클-정책", "ecs-anywhere-amazon-ecs-anywhere-eks-anywhere"].map(page));
      for (const topic of neighbours) for (const link of [topic.previous, topic.next]) expect(link?.title).not.toBe("요약");
    });

    it("a topic page counts the questions that test it and lists the ones citing its section first", async () => {
      const lambda = await page("lambda-aws-lambda-part-1");
      expect(lambda.questions.service).toMatchObject({ key: "lambda", href: "/questions?topic=lambda" });
      expect(lambda.questions.service!.count).toBeGreaterThan(10);
      expect(lambda.questions.total).toBeGreaterThanOrEqual(lambda.questions.service!.count);
      expect(lambda.questions.first.length).toBe(5);
      expect(lambda.questions.first[0]!.href).toMatch(/^\/questions\/.+/);

      // A question citing "4. IAM을 통한 액세스 제어" in the ECR note is listed first on that section's page.
      const iam = await page("iam을-통한-액세스-제어");
      expect(iam.questions.first[0]!.id).toBe("containers-ecr-cross-account-policy");
      expect(iam.questions.total).toBeGreaterThanOrEqual(1);

      // The count is the same as the /questions filter's for the service plus citing questions.
      const tagged = await database.db.question.count({ where: { archivedAt: null, topics: { some: { topicKey: "lambda" } } } });
      expect(lambda.questions.service!.count).toBe(tagged);
    });

    it("the home page's first action counts today's cards without creating any", async () => {
      const context = { db: database.db, learnerId: currentLearnerId(), now: NOW };
      // No card rows yet (the first /review visit creates them): every question is new, the daily limit caps it.
      expect(await database.db.card.count()).toBe(0);
      expect(await fetchStudyStart(context)).toEqual({ due: 0, newToday: 20 });
      expect(await database.db.card.count()).toBe(0);
      // A review card due today and a learning card due now are due; a suspended one is not.
      const questions = await database.db.question.findMany({ where: { archivedAt: null }, take: 3, orderBy: { id: "asc" }, select: { id: true } });
      const card = (questionId: string, state: number, due: Date, suspended = false) => ({
        id: `${context.learnerId}:${questionId}`, learnerId: context.learnerId, questionId, due, stability: 3, difficulty: 5, elapsedDays: 0, scheduledDays: 1,
        learningSteps: 0, reps: 1, lapses: 0, state, suspended, lastReview: new Date(NOW.getTime() - 86_400_000), firstReview: new Date(NOW.getTime() - 86_400_000),
      });
      await database.db.card.createMany({
        data: [card(questions[0]!.id, 2, new Date(NOW.getTime() + 3_600_000)), card(questions[1]!.id, 1, new Date(NOW.getTime() - 60_000)), card(questions[2]!.id, 2, NOW, true)],
      });
      expect(await fetchStudyStart(context)).toEqual({ due: 2, newToday: 20 });
    });
  });
}
