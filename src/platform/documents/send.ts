import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { sendDownload } from '../http/download.js';
import { renderOfficialDocumentDocx } from './docx.js';
import { type OfficialDocument, renderOfficialDocumentHtml } from './official-document.js';
import { renderPdf } from './pdf.js';

/** The `?format=` of every route that serves an official document. */
export const ZDocumentFormatQuery = z.object({
  format: z
    .enum(['html', 'pdf', 'docx'])
    .default('html')
    .describe(
      'html to print from the browser (default), pdf (Chromium print-to-PDF) or docx to edit in WPS/Word',
    ),
});

/** The 200 response of such a route, for the OpenAPI document. */
export const ZDocumentResponse = z.any().describe('text/html, application/pdf or DOCX');

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Sends an official document as HTML (to print in the browser), PDF or DOCX, named by its title. */
export async function sendOfficialDocument(
  reply: FastifyReply,
  document: OfficialDocument,
  format: 'html' | 'pdf' | 'docx',
) {
  if (format === 'html')
    return reply.type('text/html; charset=utf-8').send(renderOfficialDocumentHtml(document));
  if (format === 'pdf') {
    const body = await renderPdf(renderOfficialDocumentHtml(document));
    return sendDownload(reply, {
      fileName: `${document.title}.pdf`,
      contentType: 'application/pdf',
      body,
      sizeBytes: body.length,
    });
  }
  const body = await renderOfficialDocumentDocx(document);
  return sendDownload(reply, {
    fileName: `${document.title}.docx`,
    contentType: DOCX_CONTENT_TYPE,
    body,
    sizeBytes: body.length,
  });
}
