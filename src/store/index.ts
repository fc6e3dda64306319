export {
  createPlaygroundStore, subscribeSelected, EMPTY_GAUGES, EMPTY_TIMELINE, AREA_VIEWS,
  type Area, type AreaView,
  type PlaygroundState, type PlaygroundStore, type PresenterStep, type Selection, type Connection, type Problem, type Gauges, type StoreOptions, type Timeline,
} from './playgroundStore.ts';
export type { Narration, NarrationItem } from './narrate.ts';
export type { Table, Tables } from './tables.ts';
export { connectStore } from './connect.ts';
