// The lazily loaded sweep chunk: "check the reports listed on this page" (see lib/sweep.ts and content.ts).
import { handleSweepMessage } from '@/lib/sweep';

export default defineUnlistedScript(() => {
  globalThis.__gidarSweep = { handle: handleSweepMessage };
});
