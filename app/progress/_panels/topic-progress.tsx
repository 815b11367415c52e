// The topic page's progress panel with its own read, so the topic page adds one line
// (<TopicProgress serviceKey={…} />) and nothing else. Renders nothing without cards.
import { TopicProgressPanel } from "@/components/progress/topic-progress-panel";
import { Card, SectionTitle } from "@/components/ui/card";
import { requestContext } from "@/lib/server/context";
import { fetchTopicProgress } from "@/lib/server/progress";

export async function TopicProgress({ serviceKey }: { serviceKey: string | null | undefined }) {
  if (!serviceKey) return null;
  const { db, learnerId, now } = await requestContext();
  const progress = await fetchTopicProgress(db, { learnerId, now, topicKey: serviceKey });
  if (!progress) return null;
  return (
    <Card as="section" labelledBy="topic-progress-title">
      <SectionTitle id="topic-progress-title" className="mb-2 text-sm">
        내 진도 · {progress.label}
      </SectionTitle>
      <TopicProgressPanel progress={progress} />
    </Card>
  );
}
