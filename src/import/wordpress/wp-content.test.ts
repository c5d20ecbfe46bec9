import { describe, expect, it } from "vitest";
import {
	autoParagraphs,
	type ContentContext,
	convertBody,
	expandShortcodes,
	parseShortcodeAttributes,
} from "./wp-content.js";

const images = new Map([
	["11", { src: "/media/a-640.jpg", alt: "Harbour at dawn", caption: "The harbour" }],
	["12", { src: "https://old.example/wp-content/uploads/b.jpg", alt: "Market", caption: "" }],
]);

const context: ContentContext = {
	image: (id) => images.get(id),
	attachedImages: (postId) => (postId === "7" ? [...images.values()] : []),
	rewriteUrl: (url) => (url.includes("/uploads/2020/01/c.jpg") ? "/media/c-960.jpg" : undefined),
};

describe("shortcodes", () => {
	it("reads attributes as WordPress does: quoted, unquoted and bare", () => {
		expect([...parseShortcodeAttributes(` id="attachment_5" align='left' width=300 "loose" flag`)]).toEqual([
			["id", "attachment_5"],
			["align", "left"],
			["width", "300"],
			["0", "loose"],
			["1", "flag"],
		]);
	});

	it("turns [caption] into a figure whose caption is the text after the image", () => {
		const { html } = expandShortcodes(
			`[caption id="attachment_5" width="300"]<a href="/x"><img src="a.jpg" alt="A" /></a> A boat, 1998[/caption]`,
			"1",
			context,
		);
		expect(html).toBe(
			`<figure><a href="/x"><img src="a.jpg" alt="A" /></a><figcaption>A boat, 1998</figcaption></figure>`,
		);
	});

	it("shows a gallery's images by ids, or the post's attached images when none are named", () => {
		expect(expandShortcodes(`[gallery ids="12,11"]`, "1", context).html).toBe(
			`<figure><img src="https://old.example/wp-content/uploads/b.jpg" alt="Market"></figure>\n<figure><img src="/media/a-640.jpg" alt="Harbour at dawn"><figcaption>The harbour</figcaption></figure>`,
		);
		expect(expandShortcodes(`[gallery columns="2"]`, "7", context).html.match(/<figure>/g)).toHaveLength(2);
		expect(expandShortcodes(`[gallery ids="11,12" exclude="12"]`, "1", context).html.match(/<figure>/g)).toHaveLength(
			1,
		);
	});

	it("makes [embed], [audio] and [video] links, keeps unknown shortcodes as text and counts them", () => {
		const { html, unknown } = expandShortcodes(
			`[embed]https://video.example/v/1[/embed] [audio mp3="https://old.example/a.mp3"] [video src="https://old.example/v.mp4"][/video] [simple foo=1] [contact-form-7 id="3"] [[gallery]]`,
			"1",
			context,
		);
		expect(html).toContain(`<p><a href="https://video.example/v/1">https://video.example/v/1</a></p>`);
		expect(html).toContain(`<a href="https://old.example/a.mp3">`);
		expect(html).toContain(`<a href="https://old.example/v.mp4">`);
		expect(html).toContain("[simple foo=1]");
		expect(html).toContain("[gallery]");
		expect(unknown).toEqual(["simple", "contact-form-7"]);
	});

	it("leaves text in brackets that is not a shortcode alone", () => {
		expect(expandShortcodes("Footnote [1] and [2a].", "1", context)).toEqual({
			html: "Footnote [1] and [2a].",
			unknown: [],
		});
	});
});

describe("paragraphs", () => {
	it("wraps classic-editor text in paragraphs, line breaks as <br>, and leaves blocks and <pre> alone", () => {
		expect(autoParagraphs("One\ntwo\n\n<ul><li>x</li></ul>\n\n<pre>a\n\nb</pre>\n\nThree")).toBe(
			"<p>One<br>\ntwo</p>\n\n<ul><li>x</li></ul>\n\n<pre>a\n\nb</pre>\n\n<p>Three</p>",
		);
	});
});

describe("converting a body", () => {
	it("keeps Markdown as the source where it renders back to the same HTML", () => {
		const body = convertBody(
			'The council met.\n\nIt agreed a <em>budget</em> and a <a href="https://x.example/">plan</a>.',
			"1",
			context,
		);
		expect(body.format).toBe("markdown");
		expect(body.source).toBe("The council met.\n\nIt agreed a _budget_ and a [plan](https://x.example/).");
		expect(body.html).toBe(
			'<p>The council met.</p>\n<p>It agreed a <em>budget</em> and a <a href="https://x.example/" rel="noopener">plan</a>.</p>',
		);
		expect(body.text).toBe("The council met.\n\nIt agreed a budget and a plan.");
	});

	it("keeps the sanitized HTML where Markdown would change it (figures, straight quotes)", () => {
		const figure = convertBody(
			`[caption]<img src="https://old.example/wp-content/uploads/2020/01/c.jpg" alt="C"> Caption[/caption]`,
			"1",
			context,
		);
		expect(figure.format).toBe("html");
		expect(figure.source).toBe(figure.html);
		expect(figure.html).toBe('<figure><img src="/media/c-960.jpg" alt="C" /><figcaption>Caption</figcaption></figure>');
		expect(convertBody(`He said "no".`, "1", context).format).toBe("html");
	});

	it("drops scripts, handlers, styles and block comments, and the more and next-page markers", () => {
		const body = convertBody(
			`<!-- wp:paragraph --><p onclick="x()">Hi<script>alert(1)</script></p><!-- /wp:paragraph --><!--more--><style>p{}</style><!--nextpage--><p>There</p>`,
			"1",
			context,
		);
		expect(body.html.replace(/\n/g, "")).toBe("<p>Hi</p><p>There</p>");
	});

	it("turns a URL alone on its line, and a player or frame, into a link", () => {
		const body = convertBody(
			`Watch:\n\nhttps://www.youtube.com/watch?v=abc\n\n<iframe src="https://player.example/1"></iframe>`,
			"1",
			context,
		);
		expect(body.html).toContain('<a href="https://www.youtube.com/watch?v=abc" rel="noopener">');
		expect(body.html).toContain('<a href="https://player.example/1" rel="noopener">');
		expect(body.html).not.toContain("iframe");
	});
});
