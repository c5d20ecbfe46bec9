import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { MediaRecord } from "../../content/media/media.js";
import { mediaUrl } from "../../content/media/media.js";
import type { MediaService } from "../../content/media/media-service.js";
import { AppError, isAppError } from "../../errors.js";
import { canUploadMedia } from "../../newsroom/roles/access.js";
import type { NewsroomKit } from "./newsroom-plugin.js";
import { type AdminContext, AdminLayout, CsrfField } from "./views/admin-layout.js";

/** The media library: upload (multipart, size and type checked by the service), and alt text, caption and credit. */
export function mediaRoutes(deps: { media: MediaService; maxUploadBytes: number }) {
	const limitText = `${Math.round(deps.maxUploadBytes / 1024 / 1024)} MB`;
	return async (app: FastifyInstance, kit: NewsroomKit): Promise<void> => {
		// One byte over the limit is read so that an oversized file is told apart from one exactly at it.
		await app.register(multipart, { limits: { fileSize: deps.maxUploadBytes + 1, files: 1, fields: 10 } });

		async function page(
			request: FastifyRequest,
			reply: FastifyReply,
			input: { notice?: string; error?: string; status?: number },
		) {
			const ctx = kit.context(request, "media");
			const { items } = await deps.media.list({ limit: 100, offset: 0 });
			return kit.render(
				reply,
				<MediaPage
					ctx={ctx}
					items={items}
					limit={limitText}
					{...(input.notice ? { notice: input.notice } : {})}
					{...(input.error ? { error: input.error } : {})}
				/>,
				input.status ?? 200,
			);
		}

		app.get("/admin/media", async (request, reply) => {
			kit.actor(request);
			const query = request.query as { uploaded?: string; saved?: string };
			const t = kit.context(request).t;
			return page(
				request,
				reply,
				query.uploaded ? { notice: t("media.uploaded") } : query.saved ? { notice: t("media.savedText") } : {},
			);
		});

		app.post("/admin/media", async (request, reply) => {
			const actor = kit.actor(request);
			if (!canUploadMedia(actor)) throw new AppError("ERR_FORBIDDEN");
			if (!request.isMultipart()) return page(request, reply, { error: "Choose a file to upload.", status: 400 });
			try {
				const fields: Record<string, string> = {};
				let upload: { bytes: Buffer; name: string } | undefined;
				for await (const part of request.parts()) {
					if (part.type === "file") {
						const bytes = await part.toBuffer();
						if (bytes.length > deps.maxUploadBytes || part.file.truncated)
							throw new AppError("ERR_MEDIA_TOO_LARGE", `The limit is ${limitText}.`);
						upload = { bytes, name: part.filename };
					} else if (typeof part.value === "string") {
						fields[part.fieldname] = part.value;
					}
				}
				if (!upload || upload.bytes.length === 0)
					return page(request, reply, { error: "Choose a file to upload.", status: 400 });
				const texts = {
					...(fields.alt ? { alt: fields.alt } : {}),
					...(fields.caption ? { caption: fields.caption } : {}),
					...(fields.credit ? { credit: fields.credit } : {}),
				};
				const record = await deps.media.upload({
					bytes: upload.bytes,
					originalName: upload.name,
					userId: actor.id,
					...texts,
				});
				// The same file uploaded again is stored once; the texts typed this time still apply.
				if (Object.keys(texts).length > 0) await deps.media.update(record.id, texts);
			} catch (error) {
				const tooLarge = (error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE";
				if (tooLarge)
					return page(request, reply, {
						error: `The file is larger than the upload limit. The limit is ${limitText}.`,
						status: 413,
					});
				if (isAppError(error) && error.status < 500)
					return page(request, reply, { error: error.message, status: error.status });
				throw error;
			}
			return reply.redirect("/admin/media?uploaded=1", 303);
		});

		app.post("/admin/media/:id", async (request, reply) => {
			kit.actor(request);
			const id = Number((request.params as { id: string }).id);
			if (!Number.isInteger(id) || id <= 0) throw new AppError("ERR_MEDIA_NOT_FOUND");
			const form = kit.form(request);
			await deps.media.update(id, { alt: form.alt ?? "", caption: form.caption ?? "", credit: form.credit ?? "" });
			return reply.redirect("/admin/media?saved=1", 303);
		});
	};
}

function MediaPage({
	ctx,
	items,
	limit,
	notice,
	error,
}: {
	ctx: AdminContext;
	items: readonly MediaRecord[];
	limit: string;
	notice?: string;
	error?: string;
}) {
	return (
		<AdminLayout ctx={ctx} title={ctx.t("media.title")}>
			<h1>{ctx.t("media.title")}</h1>
			{notice ? (
				<p class="notice ok" role="status">
					{notice}
				</p>
			) : null}
			{error ? (
				<p class="notice bad" role="alert">
					{error}
				</p>
			) : null}
			<h2>{ctx.t("media.upload")}</h2>
			<form
				method="post"
				action={`/admin/media?_csrf=${encodeURIComponent(ctx.csrfToken)}`}
				encType="multipart/form-data"
			>
				<label for="media-file">{ctx.t("media.file", { limit })}</label>
				<input id="media-file" type="file" name="file" accept="image/jpeg,image/png,image/webp,image/avif" required />
				<label for="media-alt">{ctx.t("media.alt")}</label>
				<input id="media-alt" type="text" name="alt" dir="auto" />
				<label for="media-caption">{ctx.t("media.caption")}</label>
				<input id="media-caption" type="text" name="caption" dir="auto" />
				<label for="media-credit">{ctx.t("media.credit")}</label>
				<input id="media-credit" type="text" name="credit" dir="auto" />
				<div class="actions">
					<button type="submit">{ctx.t("media.submit")}</button>
				</div>
			</form>
			{items.length === 0 ? <p>{ctx.t("media.none")}</p> : null}
			<table>
				<tbody>
					{items.map((item) => {
						const thumb = item.variants.find((variant) => variant.format === "webp") ?? item.variants[0];
						return (
							<tr key={item.id}>
								<td>
									{thumb ? <img src={mediaUrl(thumb.storageKey)} alt={item.alt} width={120} loading="lazy" /> : null}
								</td>
								<td>
									<form method="post" action={`/admin/media/${item.id}`}>
										<CsrfField ctx={ctx} />
										<label for={`alt-${item.id}`}>{ctx.t("media.alt")}</label>
										<input
											id={`alt-${item.id}`}
											type="text"
											name="alt"
											value={item.alt}
											placeholder={ctx.t("media.missingAlt")}
											dir="auto"
										/>
										<label for={`caption-${item.id}`}>{ctx.t("media.caption")}</label>
										<input id={`caption-${item.id}`} type="text" name="caption" value={item.caption} dir="auto" />
										<label for={`credit-${item.id}`}>{ctx.t("media.credit")}</label>
										<input id={`credit-${item.id}`} type="text" name="credit" value={item.credit} dir="auto" />
										<div class="actions">
											<button type="submit" class="secondary">
												{ctx.t("media.save")}
											</button>
											<span class="hint">
												#{item.id} · {item.width}×{item.height}
											</span>
										</div>
									</form>
								</td>
							</tr>
						);
					})}
				</tbody>
			</table>
		</AdminLayout>
	);
}
