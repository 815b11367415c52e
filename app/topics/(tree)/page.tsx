import type { Metadata } from "next";
import { LibraryEmpty } from "@/components/study/library-empty";
import { CategoryJumpList, TopicTree } from "@/components/study/topic-tree";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/lib/server/db";
import { fetchTopicTree } from "@/lib/server/study";
import { SearchHotkey } from "@/components/study/search-hotkey";

export const metadata: Metadata = { title: "주제" };

export default async function TopicsPage() {
  const groups = await fetchTopicTree(getDb());
  const topicCount = groups.reduce((sum, group) => sum + group.topicCount, 0);

  return (
    <>
      <SearchHotkey />
      <PageHeader
        title="주제"
        description={topicCount ? `노트의 절 ${topicCount}개를 AWS 서비스 분류별로 묶었습니다. 다른 분류 아래에 있던 절은 원래 위치를 작게 표시합니다.` : undefined}
      />
      {topicCount === 0 ? (
        <LibraryEmpty />
      ) : (
        <>
          <CategoryJumpList groups={groups} />
          <TopicTree groups={groups} />
        </>
      )}
    </>
  );
}
