/** Where opening a record (an assessment, a workshop) stands, as its store says. */
export type LoadState = 'idle' | 'loading' | 'ready' | 'missing' | 'unknownQuestionnaire';

/** What a page showing one record shows: its content, or one of the states before it. */
export type PageState = 'error' | 'loading' | 'missing' | 'unknownQuestionnaire' | 'ready';

export interface PageNeeds {
  /** Something else the page needs could not be read. */
  failed?: boolean;
  /** Something else the page needs is still being read (weight profiles, clauses…). */
  waiting?: boolean;
  /** The record is open but lacks what this page shows (a workshop's merge…). */
  incomplete?: boolean;
  /** The page works from the record alone, without its questionnaire (the room, the hand-back). */
  withoutQuestionnaire?: boolean;
}

/** One rule for every record page: an error first, then loading, then missing, then the page. */
export function pageState(load: LoadState, needs: PageNeeds = {}): PageState {
  if (needs.failed) return 'error';
  if (load === 'idle' || load === 'loading' || (load === 'ready' && needs.waiting)) return 'loading';
  if (load === 'ready' || (load === 'unknownQuestionnaire' && needs.withoutQuestionnaire)) {
    return needs.incomplete ? 'missing' : 'ready';
  }
  return load;
}
