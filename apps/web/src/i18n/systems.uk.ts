/** Ukrainian strings of the systems feature (merged into uk.ts under `systems`). */
export const systemsUk = {
  title: 'Системи',
};
