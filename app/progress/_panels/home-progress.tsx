// The home page's first panel (due today and readiness) with its own read, so the home page
// places one element (<HomeProgress />) wherever its primary action ends up.
import { HomeProgressPanel } from "@/components/progress/home-progress-panel";
import { requestContext } from "@/lib/server/context";
import { fetchHomeProgress } from "@/lib/server/progress";

export async function HomeProgress() {
  const { db, learnerId, now } = await requestContext();
  return <HomeProgressPanel readiness={await fetchHomeProgress(db, { learnerId, now })} />;
}
