import { Breadcrumbs, NameList, TimeStamp } from "./components.js";
import { Layout } from "./layout.js";
import type { PageContext, PageHead } from "./page-context.js";
import type { ArticlePageModel } from "./view-models.js";

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
						{article.standfirst ? <p class="standfirst">{article.standfirst}</p> : null}
						{article.sourceLine ? <p class="source">{article.sourceLine}</p> : null}
						<div class="meta">
							{article.bylines.length > 0 ? (
								<p class="byline">
									{ctx.t("article.bylinePrefix")} <NameList ctx={ctx} people={article.bylines} />
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
											{tag.name}
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
							<h2>{ctx.t("article.aboutAuthor", { name: author.name })}</h2>
							{author.jobTitle ? <p class="role">{author.jobTitle}</p> : null}
							{author.bio ? <p>{author.bio}</p> : null}
							<a href={author.href}>{ctx.t("article.authorLink", { name: author.name })}</a>
						</aside>
					))}
				</article>
				{article.checkAlso ? (
					<aside class="check story" aria-labelledby="check-title">
						<h2 id="check-title">{ctx.t("article.checkAlso")}</h2>
						<h3>
							<a href={article.checkAlso.href}>{article.checkAlso.headline}</a>
						</h3>
						<p>{article.checkAlso.excerpt}</p>
						<p class="when">
							<TimeStamp ctx={ctx} at={article.checkAlso.publishedAt} />
						</p>
					</aside>
				) : null}
			</div>
		</Layout>
	);
}
