import { JsonShapeReader, isIsoDate } from '../http/json-shape-reader';
import { Address, PopulationRecord } from './population-registry.port';

function readAddress(reader: JsonShapeReader, value: unknown, path: string): Address {
  const obj = reader.object(value, path);
  return {
    line: reader.string(obj, 'line', path),
    communeCode: reader.string(obj, 'communeCode', path),
    communeName: reader.string(obj, 'communeName', path),
    provinceCode: reader.string(obj, 'provinceCode', path),
    provinceName: reader.string(obj, 'provinceName', path),
  };
}

/**
 * Checks a population registry body against the contract and copies only the documented fields (anything extra the
 * gateway sends is dropped, so unexpected personal data does not travel further). Throws `MalformedRegistryDataError`.
 */
export function parsePopulationRecord(json: unknown): PopulationRecord {
  const reader = new JsonShapeReader();
  const obj = reader.object(json, '$');
  const record: PopulationRecord = {
    personalId: reader.string(obj, 'personalId', '$', (s) => /^\d{12}$/.test(s)),
    fullName: reader.string(obj, 'fullName', '$'),
    dateOfBirth: reader.string(obj, 'dateOfBirth', '$', isIsoDate),
    sex: reader.oneOf(obj, 'sex', '$', ['male', 'female'] as const),
    nationality: reader.string(obj, 'nationality', '$'),
    permanentAddress: readAddress(reader, obj.permanentAddress, '$.permanentAddress'),
    currentAddress: readAddress(reader, obj.currentAddress, '$.currentAddress'),
    idCardIssueDate: reader.string(obj, 'idCardIssueDate', '$', isIsoDate),
  };
  return reader.result(record);
}
