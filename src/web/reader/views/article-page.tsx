import { Fragment } from "preact";
import type { MessageKey } from "../messages.js";
import { Breadcrumbs, partLanguage, TimeStamp } from "./components.js";
import { Layout } from "./layout.js";
import type { PageContext, PageHead } from "./page-context.js";
import type { ArticlePageModel, LinkModel, TranslationLinkModel } from "./view-models.js";

/** A private-use character no message contains: where a placeholder's value goes in a translated text. */
const SLOT = "\uE000";

/**
 * A message with its `{name}` set apart in `<bdi>`: a Latin name in a Dari
 * sentence (or the other way round) keeps its own direction and does not
 * reorder the words around it.
 */
function WithName({ ctx, message, name }: { ctx: PageContext; message: MessageKey; name: string }) {
	const parts = ctx.t(message, { name: SLOT }).split(SLOT);
	return (
		<>
			{parts.map((part, index) => (
				<Fragment key={index}>
					{index > 0 ? <bdi>{name}</bdi> : null}
					{part}
				</Fragment>
			))}
		</>
	);
}

/** "A, B and C", each name linked to its author page and isolated from the text around it. */
function Bylines({ ctx, people }: { ctx: PageContext; people: LinkModel[] }) {
	return (
		<>
			{people.map((person, index) => (
				<span key={person.href}>
					{index === 0
						? ""
						: index === people.length - 1
							? ctx.t("article.bylineLastSeparator")
							: ctx.t("article.bylineSeparator")}
					<a href={person.href} rel="author">
						<bdi>{person.name}</bdi>
					</a>
				</span>
			))}
		</>
	);
}

/** "Read this story in: دری – <headline>": each language named in itself, marked with its language and isolated. */
function LanguageSwitcher({ ctx, translations }: { ctx: PageContext; translations: readonly TranslationLinkModel[] }) {
	return (
		<p class="translations">
			{ctx.t("article.translations")}:{" "}
			{translations.map((translation, index) => (
				<Fragment key={translation.href}>
					{index > 0 ? " · " : null}
					<a href={translation.href} hreflang={translation.language} lang={translation.language} rel="alternate">
						<bdi>{translation.languageName}</bdi>
					</a>{" "}
					– <bdi lang={translation.language}>{translation.headline}</bdi>
				</Fragment>
			))}
		</p>
	);
}

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Puts the dateline ("KABUL:") at the start of the body's first paragraph, as
 * printed newspapers do. The body HTML was sanitized when it was saved.
 */
export function withDateline(bodyHtml: string, place: string, language: string): string {
	const trimmed = place.trim();
	if (!trimmed) return bodyHtml;
	const mark = `<span class="dateline">${escapeHtml(trimmed.toLocaleUpperCase(language))}:</span> `;
	return bodyHtml.startsWith("<p>") ? `<p>${mark}${bodyHtml.slice(3)}` : `<p>${mark}</p>${bodyHtml}`;
}

/** A story's page, top to bottom as a reader meets it. */
export function ArticlePage({ ctx, head, article }: { ctx: PageContext; head: PageHead; article: ArticlePageModel }) {
	return (
		<Layout ctx={ctx} head={head}>
			<div class="narrow">
				<Breadcrumbs ctx={ctx} trail={article.breadcrumbs} />
				<article class="story" lang={article.language === ctx.language ? undefined : article.language}>
					<header>
						<h1>{article.headline}</h1>
						{article.translations && article.translations.length > 0 ? (
							<LanguageSwitcher ctx={ctx} translations={article.translations} />
						) : null}
						{article.standfirst ? <p class="standfirst">{article.standfirst}</p> : null}
						{article.sourceLine ? (
							<p class="source">
								<bdi>{article.sourceLine}</bdi>
							</p>
						) : null}
						<div class="meta">
							{article.bylines.length > 0 ? (
								<p class="byline">
									{ctx.t("article.bylinePrefix")} <Bylines ctx={ctx} people={article.bylines} />
								</p>
							) : null}
							<p>
								{ctx.t("article.published")} <TimeStamp ctx={ctx} at={article.publishedAt} />
								{article.updatedAt ? (
									<>
										{" · "}
										{ctx.t("article.updated")} <TimeStamp ctx={ctx} at={article.updatedAt} />
									</>
								) : null}
							</p>
						</div>
					</header>
					{article.image ? (
						<figure class="lead-image">
							<picture>
								<source type="image/webp" srcset={article.image.srcset} sizes={article.image.sizes} />
								<img
									src={article.image.src}
									srcset={article.image.fallbackSrcset}
									sizes={article.image.sizes}
									width={article.image.width}
									height={article.image.height}
									alt={article.image.alt}
									decoding="async"
								/>
							</picture>
							{article.image.caption || article.image.credit ? (
								<figcaption>
									{article.image.caption}
									{article.image.credit ? <span class="credit"> {article.image.credit}</span> : null}
								</figcaption>
							) : null}
						</figure>
					) : null}
					<div
						class="body"
						// the body was sanitized against an allowlist when saved; the dateline is escaped.
						dangerouslySetInnerHTML={{
							__html: withDateline(article.bodyHtml, article.datelinePlace, article.language),
						}}
					/>
					{article.corrections.length > 0 ? (
						<section class="notes" aria-labelledby="notes-title">
							<h2 id="notes-title">{ctx.t("article.notes")}</h2>
							<ul>
								{article.corrections.map((note) => (
									<li key={note.createdAt.toISOString()}>
										<strong>{ctx.t(`article.note.${note.kind}`)}</strong> (<TimeStamp ctx={ctx} at={note.createdAt} />
										): <span dir="auto">{note.body}</span>
									</li>
								))}
							</ul>
						</section>
					) : null}
					{article.tags.length > 0 ? (
						<section class="tags" aria-labelledby="tags-title">
							<h2 id="tags-title">{ctx.t("article.tags")}</h2>
							<ul>
								{article.tags.map((tag) => (
									<li key={tag.href}>
										<a href={tag.href} rel="tag">
											<bdi>{tag.name}</bdi>
										</a>
									</li>
								))}
							</ul>
						</section>
					) : null}
					{article.authorBoxes.map((author) => (
						<aside
							class="author-box"
							key={author.href}
							aria-label={ctx.t("article.aboutAuthor", { name: author.name })}
						>
							<h2>
								<WithName ctx={ctx} message="article.aboutAuthor" name={author.name} />
							</h2>
							{author.jobTitle ? (
								<p class="role" dir="auto">
									{author.jobTitle}
								</p>
							) : null}
							{author.bio ? <p dir="auto">{author.bio}</p> : null}
							<a href={author.href}>
								<WithName ctx={ctx} message="article.authorLink" name={author.name} />
							</a>
						</aside>
					))}
				</article>
				{article.checkAlso ? (
					<aside class="check story" aria-labelledby="check-title">
						<h2 id="check-title">{ctx.t("article.checkAlso")}</h2>
						<h3>
							<a href={article.checkAlso.href}>
								<bdi lang={partLanguage(ctx, article.checkAlso.language)}>{article.checkAlso.headline}</bdi>
							</a>
						</h3>
						<p dir="auto" lang={partLanguage(ctx, article.checkAlso.language)}>
							{article.checkAlso.excerpt}
						</p>
						<p class="when">
							<TimeStamp ctx={ctx} at={article.checkAlso.publishedAt} />
						</p>
					</aside>
				) : null}
			</div>
		</Layout>
	);
}
