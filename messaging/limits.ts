// Caps that senders also need at run time (the popup and the notes page split their requests by
// them). Kept apart from schemas.ts so that importing them pulls no validator into a page.

/** The most ids one getEntities request may carry. */
export const MAX_ENTITY_IDS = 5000;
