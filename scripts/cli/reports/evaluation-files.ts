/** evaluationFiles: the evaluation's .xlsx and its .docx annex for an organisation and a range, from Firestore. */
import { Packer } from 'docx';
import type { EvaluationModel } from '@theodoi/functions/domain/evaluation/index';
import {
  evaluateUnits,
  type EvaluateUnitsDeps,
  type EvaluateUnitsRequest,
} from '@theodoi/functions/usecases/evaluate-units';
import { evaluationAnnex } from './evaluation-docx.js';
import { evaluationWorkbook } from './evaluation-xlsx.js';

/** The two files, in memory, with their suggested names. */
export interface EvaluationFiles {
  organisationId: string;
  model: EvaluationModel;
  xlsx: { name: string; data: Buffer };
  docx: { name: string; data: Buffer };
}

/** Evaluates the units (no Sheets call) and writes the workbook and the annex issued by the coordinator's unit. */
export async function evaluationFiles(
  deps: EvaluateUnitsDeps,
  request: EvaluateUnitsRequest,
): Promise<EvaluationFiles> {
  const { organisationId, coordinator, model } = await evaluateUnits(deps, request);
  const [xlsx, docx] = await Promise.all([
    evaluationWorkbook(model).xlsx.writeBuffer(),
    Packer.toBuffer(evaluationAnnex(model, { symbol: `BC-${coordinator.code}`, name: coordinator.name })),
  ]);
  const base = `${organisationId}-${model.range.key}`;
  return {
    organisationId,
    model,
    xlsx: { name: `${base}-danh-gia-don-vi.xlsx`, data: Buffer.from(xlsx) },
    docx: { name: `${base}-phu-luc.docx`, data: docx },
  };
}
