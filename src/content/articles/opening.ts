import { sql } from "kysely";

/** Characters of a story's text its page reads: enough for a description of 30 words, many times over. */
const OPENING_CHARACTERS = 1000;

/** The opening of the text of the story row `table` ("articles", or an alias) as the column `opening`: what a description or an excerpt needs, not the whole body. */
export function openingOf(table: string) {
	return sql<string>`substr(${sql.ref(`${table}.body_text`)}, 1, ${OPENING_CHARACTERS})`.as("opening");
}

export const openingColumn = openingOf("articles");
