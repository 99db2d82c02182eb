// Deterministic mutations of the correct reports (test/reports/), each one a
// slip a careful reviewer would flag, labelled with the rule that should catch it.
//
// Targets are located by structure we wrote: an exact anchor string (unique in its
// report, checked) and the figure inside it to change. Nothing is guessed from the
// text, so every mutant is unambiguous. Numeric targets get seeded perturbations in
// the report's own number format (1.234,5); unit swaps and task counts are fixed
// replacements.
//
// Which rule a slip belongs to (the boundary the tests measure):
//  indicator-conflict        a figure restated differently (summary / body / table)
//  fraction-percent-mismatch x/y with its percentage; "đạt Z% kế hoạch (Y)"; a table's
//                            "So sánh (%)", "% so KH", "% so cùng kỳ" cell vs its two cells
//  indicator-ratio-mismatch  a count, a population and a per-10.000 / per-1.000 ratio
//  indicator-implausible     a unit swapped (‰ ↔ %, /vạn dân → %)
//  sum-mismatch              a total and its exhaustive parts (prose "gồm", tables with a
//                            "Tổng số" row); shares of a split; "X, chiếm Z%" of a stated total
//  change-mismatch           a stated change against the two values it joins
//  task-*                    x/y counts, claimed totals, announced lists
import { prng } from '../bench/generate';
import { lineOf } from './reports';

export type MutationRule =
  | 'indicator-conflict'
  | 'fraction-percent-mismatch'
  | 'indicator-ratio-mismatch'
  | 'indicator-implausible'
  | 'sum-mismatch'
  | 'change-mismatch'
  | 'task-count-exceeds'
  | 'task-count-list-mismatch'
  | 'task-total-conflict'
  | 'task-breakdown-mismatch';

interface Base {
  rule: MutationRule;
  /** exact text, unique in the report */
  anchor: string;
}
/** change a figure by a relative amount */
interface NumTarget extends Base {
  kind: 'num';
  num: string;
  /** the figure may not exceed this (a numerator below its denominator) */
  max?: number;
  /** only increase (a part of a "trong đó" subset must then exceed the total) */
  up?: boolean;
  /** a stated change: perturb by 30–80 % */
  change?: boolean;
}
/** change a percentage by 1,5–5 points */
interface PctTarget extends Base {
  kind: 'pct';
  num: string;
}
/** replace `from` (inside the anchor) by `to` */
interface FixedTarget extends Base {
  kind: 'fixed';
  from: string;
  to: string;
}
export type Target = NumTarget | PctTarget | FixedTarget;

const N = (rule: MutationRule, anchor: string, num: string, o: Partial<Pick<NumTarget, 'max' | 'up' | 'change'>> = {}): Target => ({ kind: 'num', rule, anchor, num, ...o });
const P = (rule: MutationRule, anchor: string, num: string): Target => ({ kind: 'pct', rule, anchor, num });
const F = (rule: MutationRule, anchor: string, from: string, to: string): Target => ({ kind: 'fixed', rule, anchor, from, to });

const IC: MutationRule = 'indicator-conflict';
const FP: MutationRule = 'fraction-percent-mismatch';
const RM: MutationRule = 'indicator-ratio-mismatch';
const IM: MutationRule = 'indicator-implausible';
const SM: MutationRule = 'sum-mismatch';
const CM: MutationRule = 'change-mismatch';
const TE: MutationRule = 'task-count-exceeds';
const TL: MutationRule = 'task-count-list-mismatch';
const TT: MutationRule = 'task-total-conflict';
const TB: MutationRule = 'task-breakdown-mismatch';

/** The side table of targets, per report file. */
export const TARGETS: Record<string, Target[]> = {
  'district-ttyt.md': [
    N(IC, 'Tổng số lượt khám bệnh đạt 162.340 lượt, bằng', '162.340'),
    N(IC, '| Số lượt khám bệnh | lượt | 150.000 | 162.340 |', '162.340'),
    N(IC, 'các loại vắc xin đạt 96,7%.', '96,7'),
    N(IC, '| 95,8 | 96,2 | 96,7 |', '96,7'),
    N(IC, '| 12,1 | 11,4 | 10,4 |', '10,4'),
    N(IC, 'Tỷ lệ xã đạt Bộ tiêu chí quốc gia về y tế đạt 85,7%, tăng 2 xã', '85,7'),
    N(IC, '| 81,0 | 85,7 | 90,5 |', '90,5'),
    N(IC, '| 7,5 | 7,9 | 8,4 |', '8,4'),
    N(IC, 'Công suất sử dụng giường bệnh đạt 96,4% (năm 2023', '96,4'),
    N(IC, '| 14.380 | 14.500 | 15.216 |', '15.216'),
    N(IC, '| 21,5 | 20,6 | 19,8 |', '19,8'),
    N(FP, 'Có 19/21 trạm y tế có bác sĩ', '19', { max: 21 }),
    P(FP, 'trạm y tế có bác sĩ làm việc, đạt 90,5%', '90,5'),
    N(FP, 'là 2.486/2.571 trẻ', '2.486', { max: 2571 }),
    N(FP, 'đủ liều đạt 97,3% (2.533/2.604 người)', '2.533', { max: 2604 }),
    N(FP, 'điều trị khỏi 88/94 bệnh nhân', '88', { max: 94 }),
    P(FP, 'thu nhận năm 2023, đạt 93,6%', '93,6'),
    P(FP, '378/412 cơ sở đạt yêu cầu, chiếm 91,7%', '91,7'),
    P(FP, 'đạt 92,9% (2.418/2.604 người)', '92,9'),
    N(FP, 'Có 148/156 thôn', '148', { max: 156 }),
    P(FP, 'nâng tổng số lên 18/21 xã, thị trấn, đạt 85,7%', '85,7'),
    P(FP, '(năm 2023: 16/21 xã, đạt 76,2%)', '76,2'),
    N(FP, 'đạt 91,4% (153.920/168.450 người)', '153.920', { max: 168450 }),
    P(FP, '| lượt | 150.000 | 162.340 | 108,2 |', '108,2'),
    P(FP, '| ca | 1.200 | 1.248 | 104,0 |', '104,0'),
    P(FP, '| 9.800 | 10.126 | 103,3 |', '103,3'),
    P(FP, '| 108,2 | 106,9 |', '106,9'),
    N(RM, 'Toàn huyện hiện có 142 bác sĩ', '142'),
    N(RM, 'đạt 8,4 bác sĩ/vạn dân, tăng', '8,4'),
    N(RM, 'dân số trung bình năm 2024 là 168.450 người', '168.450'),
    N(RM, 'tỷ suất sinh thô 15,5‰', '15,5'),
    N(RM, 'Số giường bệnh đạt 18,4 giường bệnh/vạn dân', '18,4'),
    F(IM, 'Tỷ suất tử vong trẻ em dưới 1 tuổi của huyện là 10,4‰, thấp hơn', '10,4‰', '10,4%'),
    F(IM, 'tỷ suất sinh thô 15,5‰', '15,5‰', '15,5%'),
    F(IM, 'các loại vắc xin đạt 96,7%.', '96,7%', '96,7‰'),
    N(SM, 'là 418 người, gồm', '418'),
    N(SM, 'y sĩ 46 người', '46'),
    N(SM, 'tuyến huyện 104 bác sĩ', '104'),
    N(SM, '| Tổng số | 142 | 139 | 41 |', '139'),
    N(SM, '| Tuyến xã | 26 | 26 | 17 |', '17'),
    N(CM, 'tăng 6,9% so với năm 2023 (151.800 lượt)', '6,9', { change: true }),
    N(CM, 'tăng 6,9% so với năm 2023 (151.800 lượt)', '151.800'),
    N(CM, 'tăng 5,8% so với cùng kỳ (14.380 lượt)', '14.380'),
    N(CM, '(năm 2023 là 92,7%), tăng 3,7 điểm phần trăm', '3,7', { change: true }),
    N(CM, '(năm 2023 là 92,7%), tăng 3,7 điểm phần trăm', '92,7'),
    N(CM, 'tăng 5,8% so với năm 2023 (1.180 ca)', '5,8', { change: true }),
    N(CM, 'giảm 38,2% so với năm 2023 (346 ca)', '346'),
    N(CM, 'giảm 0,8 điểm phần trăm so với năm 2023 (20,6%)', '0,8', { change: true }),
    F(TT, 'Trung tâm hoàn thành 12/12 chỉ tiêu chuyên môn Sở Y tế giao', '12/12', '14/14'),
    F(TT, 'đã hoàn thành 12/12 chỉ tiêu chuyên môn được giao', '12/12', '13/13'),
    F(TE, 'đạt và vượt 7/8 chỉ tiêu', '7/8', '9/8'),
    F(TL, 'tập trung thực hiện 5 nhiệm vụ trọng tâm sau', '5 nhiệm vụ', '6 nhiệm vụ'),
    F(TB, 'trong 9 nhiệm vụ được giao', '9 nhiệm vụ', '8 nhiệm vụ'),
    F(TB, 'hoàn thành 6 nhiệm vụ, 2 nhiệm vụ đang triển khai', '2 nhiệm vụ', '3 nhiệm vụ'),
    F(TB, 'Trong 15 tiêu chí chấm điểm', '15 tiêu chí', '16 tiêu chí'),
    F(IM, 'Số giường bệnh đạt 18,4 giường bệnh/vạn dân', '18,4 giường bệnh/vạn dân', '18,4 giường bệnh/1.000 dân'),
    F(IM, 'thể thấp còi là 19,8%, giảm', '19,8%', '19,8‰'),
  ],
  'merged-province-2025.md': [
    N(IC, '| Số bác sĩ/vạn dân | bác sĩ | 12,0 | 11,4 | 12,3 |', '12,3'),
    N(IC, 'Số bác sĩ/vạn dân đạt 12,3, tăng', '12,3'),
    N(IC, 'bảo hiểm y tế đạt 94,6%, tăng 1,4', '94,6'),
    N(IC, 'Tỷ lệ trạm y tế có bác sĩ làm việc đạt 96,6% (143/148 trạm)', '96,6'),
    N(IC, 'giảm còn 17,2% (năm 2024 là 18,0%)', '17,2'),
    N(IC, 'Tỷ số giới tính khi sinh là 111,6 trẻ trai', '111,6'),
    N(IC, 'tiêm chủng đầy đủ 8 loại vắc xin đạt 95,8%', '95,8'),
    P(FP, '| 12,0 | 11,4 | 12,3 | 102,5 |', '102,5'),
    P(FP, '| 33,0 | 32,1 | 33,6 | 101,8 |', '101,8'),
    P(FP, '| 97,0 | 95,3 | 97,3 | 100,3 |', '100,3'),
    N(FP, 'đạt 96,6% (143/148 trạm)', '143', { max: 148 }),
    P(FP, 'bằng 104,8% kế hoạch năm', '104,8'),
    P(FP, 'đạt 68,4% số người mắc ước tính', '68,4'),
    P(FP, 'đạt 51,2% số người mắc ước tính', '51,2'),
    N(SM, '| Cộng | 7.551.000 | 7.860.000 |', '7.860.000'),
    N(SM, '| Tuyến tỉnh | 2.104.500 |', '2.104.500'),
    P(SM, 'trong đó 61 ca (82,4%)', '82,4'),
    P(SM, '5.871 người (93,4%)', '93,4'),
    P(SM, 'phát hiện 804 cơ sở vi phạm, chiếm 8,4%', '8,4'),
    N(CM, 'giảm 38,2% so với cùng kỳ năm 2024 (2.987 ca)', '2.987'),
    N(CM, 'tăng 1,4 điểm phần trăm so với năm 2024 (93,2%)', '1,4', { change: true }),
    P(CM, '| 3.512.300 | 3.598.100 | 2,4 |', '2,4'),
    P(CM, '| 1.934.200 | 2.030.100 | 5,0 |', '5,0'),
    F(IM, 'Tổng tỷ suất sinh đạt 2,08 con/phụ nữ', '2,08 con/phụ nữ', '2,08%'),
    F(TT, 'hoàn thành 9/10 nhiệm vụ trọng tâm; 8/8', '9/10', '9/11'),
    F(TL, 'thực hiện 8 nhiệm vụ trọng tâm sau', '8 nhiệm vụ', '7 nhiệm vụ'),
  ],
  'province-syt.md': [
    N(IC, '- Tỷ lệ dân số tham gia bảo hiểm y tế đạt 94,2%, vượt kế hoạch', '94,2'),
    N(IC, '| Tỷ lệ tham gia bảo hiểm y tế | % | 94,0 | 94,2 |', '94,2'),
    N(IC, '| Số lượt khám bệnh | lượt | 4.000.000 | 4.215.600 |', '4.215.600'),
    N(IC, 'Tổng số lượt khám bệnh toàn tỉnh đạt 4.215.600 lượt', '4.215.600'),
    N(IC, 'giảm từ 18,4‰ xuống 17,6‰', '17,6'),
    N(IC, '| 12,3 | 11,8 |', '11,8'),
    N(IC, '| 73,7 | 73,9 |', '73,9'),
    N(IC, '- Tỷ lệ xã đạt Bộ tiêu chí quốc gia về y tế xã đạt 83,5%.', '83,5'),
    N(IC, '- Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin đạt 95,5%.', '95,5'),
    N(IC, '(thực hiện 21,4%, kế hoạch dưới 21%)', '21,4'),
    N(FP, 'Có 150/158 trạm', '150', { max: 158 }),
    P(FP, 'có bác sĩ làm việc, đạt 94,9%', '94,9'),
    N(FP, 'có 18.512/19.386 trẻ', '18.512', { max: 19386 }),
    N(FP, 'nâng tổng số lên 132/158 xã', '132', { max: 158 }),
    P(FP, '(năm 2023 là 124/158 xã, đạt 78,5%)', '78,5'),
    P(FP, '| 9,2 | 9,5 | 103,3 |', '103,3'),
    P(FP, '| lượt | 300.000 | 312.480 | 104,2 |', '104,2'),
    P(FP, '| 104,8 | 108,3 |', '108,3'),
    P(FP, '| 4.215.600 | 105,4 | 106,4 |', '106,4'),
    N(RM, 'đạt 9,5 bác sĩ/vạn dân, thấp hơn', '9,5'),
    N(RM, 'đạt 22,3 điều dưỡng/vạn dân', '22,3'),
    N(RM, 'số dược sĩ đại học là 398 người', '398'),
    N(RM, '| 1.311.200 | 1.176 | 9,0 |', '9,0'),
    N(RM, '| 3.520 | 27,1 |', '27,1'),
    N(RM, '| 1.298.400 | 1.105 |', '1.105'),
    N(RM, 'tương ứng 5,9 người/100.000 dân', '5,9'),
    N(RM, 'tỷ suất sinh thô đạt 16,1‰', '16,1'),
    N(RM, 'tỷ số tử vong mẹ là 42,1/100.000', '42,1'),
    F(IM, '- Số bác sĩ/vạn dân đạt 9,5 bác sĩ,', '9,5 bác sĩ', '9,5%'),
    F(IM, 'tỷ suất sinh thô đạt 16,1‰', '16,1‰', '16,1%'),
    F(IM, 'Tỷ suất tử vong trẻ em dưới 1 tuổi là 11,8‰', '11,8‰', '11,8%'),
    F(IM, 'tỷ số tử vong mẹ là 42,1/100.000 trẻ đẻ sống', '42,1/100.000 trẻ đẻ sống', '42,1%'),
    F(IM, 'đạt 22,3 điều dưỡng/vạn dân', '22,3 điều dưỡng/vạn dân', '22,3%'),
    N(SM, 'tuyến tỉnh 1.850 giường', '1.850'),
    N(SM, '(không tính giường trạm y tế xã) là 3.710 giường, gồm', '3.710'),
    N(SM, '| Tuyến huyện | 438 | 1.102 |', '438'),
    N(SM, '| Tổng số | 1.258 | 2.954 |', '2.954'),
    P(SM, 'nhóm hộ gia đình chiếm 27,5%', '27,5'),
    P(SM, 'thành thị chiếm 29,4%', '29,4'),
    P(SM, 'chiếm 8,6% tổng số giường bệnh', '8,6'),
    N(CM, 'tăng 82 bác sĩ (7,0%)', '82', { change: true }),
    N(CM, 'tăng 82 bác sĩ (7,0%)', '7,0', { change: true }),
    N(CM, 'giảm 27,4% so với năm 2023 (2.537 ca)', '2.537'),
    N(CM, 'tăng 6,4% so với năm 2023 (3.962.000 lượt)', '6,4', { change: true }),
    N(CM, 'tăng 5,5% so với năm 2023 (296.150 lượt)', '296.150'),
    N(CM, 'tăng 8,3% so với cùng kỳ (35.790 ca)', '8,3', { change: true }),
    N(CM, 'giảm 0,9 điểm phần trăm so với năm 2023 (22,3%)', '0,9', { change: true }),
    N(CM, 'tăng 0,2 tuổi so với năm 2023 (73,7 tuổi)', '0,2', { change: true }),
    N(CM, 'tăng 1,1 điểm phần trăm so với năm 2023 (93,1%)', '93,1'),
    N(CM, 'Năm 2024 có thêm 8 xã', '8', { change: true }),
    F(TT, 'hoàn thành 3/3 chỉ tiêu kinh tế - xã hội do Hội đồng', '3/3', '4/4'),
    F(TT, 'hoàn thành 3/3 chỉ tiêu kinh tế - xã hội được giao', '3/3', '5/5'),
    F(TE, 'đạt, vượt 13/15 chỉ tiêu', '13/15', '16/15'),
    F(TL, 'Sở Y tế đề ra 6 nhiệm vụ trọng tâm năm 2025:', '6 nhiệm vụ', '7 nhiệm vụ'),
    F(IM, 'giảm từ 18,4‰ xuống 17,6‰', '17,6‰', '17,6%'),
  ],
  'hospital-bvdk.md': [
    N(IC, '| Tổng số lượt khám bệnh | lượt | 270.000 | 286.420 |', '286.420'),
    N(IC, 'Tổng số lượt khám bệnh trong năm là 286.420 lượt', '286.420'),
    N(IC, '| 248.900 | 271.350 | 286.420 |', '286.420'),
    N(IC, 'Ngày điều trị trung bình là 6,8 ngày', '6,8'),
    N(IC, 'tính theo giường kế hoạch là 118,6%', '118,6'),
    N(IC, '| 109,5 | 114,2 | 118,6 |', '118,6'),
    N(IC, '| Tổng số | 850 | 48.630 | 118,6 |', '118,6'),
    N(IC, 'Tổng số lượt người bệnh điều trị nội trú là 48.630 lượt', '48.630'),
    N(IC, 'Tổng số ca phẫu thuật là 12.480 ca', '12.480'),
    P(FP, '| 270.000 | 286.420 | 106,1 |', '106,1'),
    P(FP, '| 46.000 | 48.630 | 105,7 |', '105,7'),
    P(FP, '| 12.000 | 12.480 | 104,0 |', '104,0'),
    P(FP, '| 110,0 | 118,6 | 107,8 |', '107,8'),
    P(FP, '| 7,0 | 6,8 | 97,1 |', '97,1'),
    N(SM, '| Phụ sản | 80 | 5.210 |', '5.210'),
    N(SM, '| Tổng số | 850 | 48.630 |', '850'),
    N(SM, '| Nhi | 90 |', '90'),
    N(SM, 'người lao động của bệnh viện là 1.146 người, gồm', '1.146'),
    N(SM, 'điều dưỡng 512 người', '512'),
    N(SM, 'Tổng nguồn thu năm 2024 là 412,6 tỷ đồng, gồm', '412,6'),
    N(SM, 'ngân sách nhà nước cấp 21,7 tỷ đồng', '21,7'),
    P(SM, 'tỷ đồng (chiếm 17,6%)', '17,6'),
    P(SM, 'loại I là 4.368 ca, chiếm 35,0%', '35,0'),
    P(SM, 'là 241.030 lượt, chiếm 84,2%', '84,2'),
    P(SM, 'là 1.214 lượt, chiếm 2,5%', '2,5'),
    N(CM, 'tăng 5,6% so với năm 2023 (271.350 lượt)', '5,6', { change: true }),
    N(CM, 'tăng 5,9% so với năm 2023 (45.910 lượt)', '5,9', { change: true }),
    N(CM, 'giảm 0,3 ngày so với năm 2023 (7,1 ngày)', '0,3', { change: true }),
    N(CM, 'tăng 0,14 điểm so với năm 2023 (3,48 điểm)', '0,14', { change: true }),
    N(CM, 'tăng 0,4 triệu đồng so với năm 2023 (2,2 triệu đồng)', '2,2'),
    N(CM, 'tăng 7,2% so với năm 2023 (2.037.900 lượt)', '2.037.900'),
    F(TE, 'hoàn thành 10/10 chỉ tiêu kế hoạch', '10/10', '11/10'),
    F(TL, 'Bệnh viện tập trung thực hiện 4 nhóm giải pháp sau:', '4 nhóm', '5 nhóm'),
  ],
  'commune-tyt.md': [
    N(IC, '| 8.000 | 8.426 | 105,3 |', '8.426'),
    N(IC, 'tại trạm là 8.426 lượt, vượt', '8.426'),
    N(IC, '| 140 | 139 | 99,3 |', '139'),
    N(IC, '| 130 | 132 | 101,5 |', '132'),
    N(IC, 'Trạm đang quản lý 386 người bệnh', '386'),
    N(FP, 'đạt 92,7% (9.126/9.842 người)', '9.126', { max: 9842 }),
    P(FP, 'các loại vắc xin, đạt 97,9%', '97,9'),
    N(FP, 'Có 145/148 phụ nữ', '145', { max: 148 }),
    P(FP, 'trong thai kỳ, đạt 90,4%', '90,4'),
    N(FP, 'Có 2.318/2.640 hộ', '2.318', { max: 2640 }),
    P(FP, 'hợp vệ sinh, đạt 97,5%', '97,5'),
    P(FP, 'đạt 91,0% dân số (8.958/9.842 người)', '91,0'),
    P(FP, '| 140 | 139 | 99,3 |', '99,3'),
    P(FP, '| 360 | 386 | 107,2 |', '107,2'),
    P(FP, '| 8.000 | 8.426 | 105,3 |', '105,3'),
    N(RM, 'tỉ suất sinh thô 14,8‰', '14,8'),
    F(IM, 'tỉ suất sinh thô 14,8‰', '14,8‰', '14,8%'),
    N(SM, '| 870 | 3.265 |', '3.265'),
    N(SM, '| 12 | 2.640 | 9.842 |', '9.842'),
    N(SM, '| Không có thẻ bảo hiểm y tế | 1.214 |', '1.214'),
    P(SM, '| 7.212 | 85,6 |', '85,6'),
    F(SM, 'Trạm có 5 cán bộ, gồm', '5 cán bộ', '6 cán bộ'),
    P(SM, 'khám bảo hiểm y tế 7.212 lượt, chiếm 85,6%', '85,6'),
    P(SM, 'tại trạm, chiếm 80,8%', '80,8'),
    P(SM, 'là 11 trẻ, chiếm 7,5%', '7,5'),
    P(SM, 'thấp còi, tỉ lệ 17,4%', '17,4'),
    N(CM, 'tăng 6,5% so với năm 2023 (7.915 lượt)', '6,5', { change: true }),
    N(CM, 'tăng 6,5% so với năm 2023 (7.915 lượt)', '7.915'),
    N(CM, 'giảm 0,7 điểm phần trăm so với năm 2023 (18,1%)', '18,1'),
    F(TE, 'trạm hoàn thành 9/10 chỉ tiêu', '9/10', '11/10'),
    F(TL, 'Trạm y tế đề ra 3 nhiệm vụ trọng tâm:', '3 nhiệm vụ', '4 nhiệm vụ'),
    F(IM, 'thấp còi, tỉ lệ 17,4%', '17,4%', '17,4‰'),
    N(IC, '| 91,8 | 92,7 |', '92,7'),
    N(IC, '| 97,1 | 97,9 |', '97,9'),
    N(IC, '| 18,1 | 17,4 |', '17,4'),
    N(IC, '| 7.915 | 8.426 |', '8.426'),
    N(IC, 'giảm từ 18,9% năm 2022', '18,9'),
    N(CM, 'tăng 0,9 điểm phần trăm so với năm 2023 (91,8%)', '0,9', { change: true }),
    N(SM, 'gồm 172 nam và 214 nữ', '214'),
  ],
  'ministry-byt.md': [
    N(IC, '- Số bác sĩ/vạn dân đạt 13,8 bác sĩ, vượt', '13,8'),
    N(IC, '| 13,0 | 13,8 | 106,2 |', '13,8'),
    N(IC, '| 12,5 | 13,8 |', '13,8'),
    N(IC, '| 32,6 | 33,5 |', '33,5'),
    N(IC, '- Tỷ lệ dân số tham gia bảo hiểm y tế đạt 94,3%', '94,3'),
    N(IC, 'đạt tỷ lệ bao phủ 94,3% dân số', '94,3'),
    N(IC, '| 74,5 | 74,7 |', '74,7'),
    N(IC, '| 18,2 | 17,8 |', '17,8'),
    N(IC, 'trẻ em dưới 5 tuổi là 17,8%, giảm', '17,8'),
    N(IC, '| 95,0 | 93,2 | 98,1 |', '93,2'),
    N(FP, 'Có 9.142/10.035 trạm', '9.142', { max: 10035 }),
    P(FP, 'Bộ tiêu chí quốc gia về y tế xã, đạt 87,1%', '87,1'),
    P(FP, '| 32,0 | 33,5 | 104,7 |', '104,7'),
    P(FP, '| 94,0 | 94,3 | 100,3 |', '100,3'),
    P(FP, '| 95,0 | 93,2 | 98,1 |', '98,1'),
    N(RM, '| 23.700 | 38.400 | 16,2 |', '16,2'),
    N(RM, '| 6.100 | 6.720 |', '6.720'),
    N(RM, '| 19.300 | 30.800 | 16,0 |', '19.300'),
    N(RM, 'Cả nước hiện có 139.300 bác sĩ', '139.300'),
    F(IM, '- Số bác sĩ/vạn dân đạt 13,8 bác sĩ, vượt', '13,8 bác sĩ', '13,8%'),
    F(IM, 'Tỷ suất tử vong trẻ em dưới 1 tuổi là 12,0‰', '12,0‰', '12,0%'),
    F(IM, 'tỷ suất tử vong trẻ em dưới 5 tuổi là 18,1‰', '18,1‰', '18,1%'),
    F(IM, 'Tỷ số tử vong mẹ khoảng 44/100.000 trẻ đẻ sống', '44/100.000 trẻ đẻ sống', '44%'),
    N(SM, '| Cả nước | 101.300 | 139.300 |', '139.300'),
    N(SM, '| 20.800 | 26.300 |', '26.300'),
    N(SM, 'gồm: công lập 302.100 giường', '302.100'),
    P(SM, 'ngoài công lập chiếm 11,0%', '11,0'),
    N(SM, '96 ca ghép gan', '96', { up: true }),
    N(CM, 'tăng 0,2 tuổi so với năm 2023 (74,5 tuổi)', '0,2', { change: true }),
    N(CM, 'giảm 0,4‰ so với năm 2023 (18,5‰)', '18,5'),
    N(CM, 'giảm 0,4 điểm phần trăm', '0,4', { change: true }),
    N(CM, 'tăng 13.900 bác sĩ so với năm 2023 (125.400 bác sĩ)', '13.900', { change: true }),
    N(CM, 'tăng 8,6% so với năm 2023 (168,2 triệu lượt)', '168,2'),
    N(CM, 'tăng 13,1% so với năm 2023 (119.290 tỷ đồng)', '13,1', { change: true }),
    N(CM, 'giảm 16,5% so với năm 2023 (170.800 ca)', '16,5', { change: true }),
    N(CM, 'giảm 5 ca so với năm 2023 (43 ca)', '43'),
    N(CM, 'số vụ giảm 13 vụ (năm 2023 là 148 vụ)', '13', { change: true }),
    F(TE, 'và đạt 12/13 chỉ tiêu cụ thể', '12/13', '14/13'),
    F(TT, 'Ngành y tế đạt và vượt 3/3 chỉ tiêu kinh tế - xã hội chủ yếu', '3/3', '4/4'),
    F(TT, 'đạt và vượt 3/3 chỉ tiêu kinh tế - xã hội do Quốc hội giao;', '3/3', '5/5'),
    F(TL, 'tập trung thực hiện 6 nhóm nhiệm vụ, giải pháp chủ yếu sau:', '6 nhóm', '7 nhóm'),
    F(IM, '(không tính giường trạm y tế xã) đạt 33,5 giường', '33,5 giường', '33,5%'),
    F(IM, 'trẻ em dưới 5 tuổi là 17,8%, giảm', '17,8%', '17,8‰'),
  ],
  'district-hospital-counts.md': [
    // Counts outside the catalogue, each restated in a KH/TH table and a table by year.
    N(IC, 'Tổng số lượt khám bệnh năm 2024 đạt 124.560 lượt', '124.560'),
    N(IC, '| Số lượt khám bệnh | lượt | 118.000 | 124.560 |', '124.560'),
    N(IC, '| 107.980 | 116.240 | 124.560 |', '124.560'),
    N(IC, 'Số lượt điều trị nội trú là 14.820 lượt', '14.820'),
    N(IC, '| 13.420 | 14.050 | 14.820 |', '14.820'),
    N(IC, 'Số ca phẫu thuật là 2.346 ca', '2.346'),
    N(IC, '| 2.200 | 2.346 | 106,6 |', '2.346'),
    N(IC, 'Tổng số ca sinh trong năm là 1.284 ca', '1.284'),
    N(IC, '| 1.410 | 1.352 | 1.284 |', '1.284'),
    N(IC, 'Ngày điều trị trung bình là 5,9 ngày', '5,9'),
    N(IC, '| 6,6 | 6,3 | 5,9 |', '5,9'),
  ],
  'sixmonth-syt.md': [
    N(IC, '| 4.800.000 | 2.486.300 | 2.341.700 |', '2.486.300'),
    N(IC, '| Tổng cộng | 2.486.300 |', '2.486.300'),
    N(IC, 'Số lượt điều trị nội trú là 168.420 lượt', '168.420'),
    N(IC, '- Sốt xuất huyết: 1.236 ca mắc', '1.236'),
    N(IC, '| 412 | 430 | 842 |', '842'),
    N(IC, 'chưa đạt tiến độ (48,6% kế hoạch năm)', '48,6'),
    P(FP, 'nguy cơ cao, đạt 97,4% số trẻ', '97,4'),
    N(FP, 'có 11.482 trẻ dưới 1 tuổi', '11.482', { max: 23650 }),
    N(FP, '35/42 trạm', '35', { max: 42 }),
    N(FP, 'thầu tập trung thuốc cấp thành phố với 438/462', '438', { max: 462 }),
    P(FP, 'đã giải ngân 758,3 tỷ đồng, đạt 46,2% dự toán', '46,2'),
    P(FP, 'lượt, đạt 51,8% kế hoạch năm (4.800.000 lượt)', '51,8'),
    N(FP, 'Số ca phẫu thuật là 21.640 ca, đạt 51,5%', '21.640'),
    P(FP, '| 51,8 | 106,2 |', '106,2'),
    P(FP, '| 159.880 | 51,0 |', '51,0'),
    P(FP, '| 20.310 | 51,5 |', '51,5'),
    N(RM, 'có 2.628 bác sĩ, đạt 16,0 bác sĩ/vạn dân', '16,0'),
    N(RM, '(dân số 1.642.300 người) có 2.628 bác sĩ', '2.628'),
    F(IM, 'đạt 16,0 bác sĩ/vạn dân, cao hơn', '16,0 bác sĩ/vạn dân', '16,0%'),
    F(IM, 'đạt 94,8% dân số, tăng', '94,8%', '94,8‰'),
    N(SM, 'tuyến quận, huyện 812.400 lượt', '812.400', { up: true }),
    P(SM, '| 812.400 | 32,7 |', '32,7'),
    N(SM, '| Tuyến phường, xã | 289.300 |', '289.300'),
    N(SM, '| 81.230 | 87.190 |', '87.190'),
    N(SM, '| 318 | 918 |', '918'),
    P(SM, '212 cơ sở vi phạm, chiếm 11,4%', '11,4'),
    P(SM, 'có 1.186 mẫu đạt yêu cầu, chiếm 95,2%', '95,2'),
    N(CM, 'tăng 12,4% so với cùng kỳ năm 2024 (1.100 ca)', '1.100'),
    N(CM, 'giảm 21,3% so với cùng kỳ (1.070 ca)', '21,3', { change: true }),
    N(CM, 'tăng 6,2% so với cùng kỳ năm 2024 (2.341.700 lượt)', '6,2', { change: true }),
    N(CM, 'tăng 6,5% so với cùng kỳ (20.310 ca)', '20.310'),
    N(CM, 'tăng 0,9 điểm phần trăm so với cùng kỳ (93,9%)', '0,9', { change: true }),
    N(CM, 'giảm 4,1% so với cùng kỳ (11.414 trẻ)', '4,1', { change: true }),
    F(TE, 'triển khai 8/10 nhiệm vụ trọng tâm năm 2025', '8/10', '11/10'),
    F(TT, 'trong số 10 nhiệm vụ trọng tâm năm 2025', '10 nhiệm vụ', '12 nhiệm vụ'),
    F(TL, 'Sở Y tế tập trung thực hiện 5 nhiệm vụ trọng tâm sau:', '5 nhiệm vụ', '6 nhiệm vụ'),
  ],
  // A district centre's six-month review: the year's groups stated several times, a second-half group apart.
  'sixmonth-ttyt.md': [
    F(TT, 'xác định 8 nhiệm vụ trọng tâm và 4 nhóm giải pháp', '8 nhiệm vụ', '9 nhiệm vụ'),
    F(TT, 'đã triển khai 8/8 nhiệm vụ trọng tâm năm 2025', '8/8', '9/9'),
    F(TT, 'trong số 8 nhiệm vụ trọng tâm năm 2025', '8 nhiệm vụ', '10 nhiệm vụ'),
    F(TT, 'hoàn thành 7/12 chỉ tiêu chuyên môn Sở Y tế giao', '7/12', '7/13'),
    F(TT, 'phấn đấu hoàn thành 3/3 chỉ tiêu kinh tế - xã hội được giao', '3/3', '4/4'),
    F(TT, 'và 12/12 chỉ tiêu chuyên môn được giao', '12/12', '14/14'),
    F(TT, 'Trung tâm xác định 4 nhóm giải pháp sau', '4 nhóm', '5 nhóm'),
    F(TE, 'đạt 3/3 chỉ tiêu kinh tế - xã hội chủ yếu', '3/3', '4/3'),
    F(TL, 'Trung tâm tập trung thực hiện 5 nhiệm vụ trọng tâm sau:', '5 nhiệm vụ', '4 nhiệm vụ'),
    F(TL, 'Kết quả thực hiện 8 nhiệm vụ trọng tâm năm 2025 đến hết tháng 6:', '8 nhiệm vụ', '9 nhiệm vụ'),
  ],
  // Round 4: a CDC six-month review, a population report, a food-safety inter-sector report, answers to council questions.
  // Restatements left out, the engine does not pair them (known misses, round 4): cases of one disease ("460 ca mắc sốt
  // xuất huyết") are no catalogued indicator; "198/216 trạm có bác sĩ làm việc, đạt 91,7%" and "2.480 trẻ, chiếm 13,1%
  // tổng số trẻ sinh" are fractions, not read as the table's named rate; "đến ngày 31/10/2024 … 92,6%" is not the
  // year's column (another period, rightly not compared).
  'cdc-sixmonth.md': [
    N(FP, 'đã xử lý đúng hạn 62/64 ổ dịch', '62', { max: 64 }),
    P(FP, '62/64 ổ dịch, đạt 96,9%', '96,9'),
    N(FP, '29/38 ca chưa tiêm', '29', { max: 38 }),
    P(FP, 'đạt 48,0% kế hoạch năm (14.600 trẻ)', '48,0'),
    P(FP, '| 14.600 | 7.154 | 49,0 |', '49,0'),
    P(FP, '| 14.600 | 7.037 | 48,2 |', '48,2'),
    N(FP, 'là 1.126/1.298 người', '1.126', { max: 1298 }),
    P(FP, 'còn sống được quản lý, đạt 86,7%', '86,7'),
    P(FP, 'đạt 45,4% kế hoạch năm (700 bệnh nhân)', '45,4'),
    P(FP, 'đạt 97,2% số trẻ trong diện tiêm (5.000 trẻ)', '97,2'),
    P(SM, 'gồm 25 nam (73,5%)', '73,5'),
    N(SM, 'gồm 38 bác sĩ', '38'),
    N(SM, 'là 18,6 tỷ đồng, gồm', '18,6'),
    N(SM, 'ngân sách tỉnh 14,9 tỷ đồng', '14,9'),
    N(SM, '| Toàn tỉnh | 377 | 460 |', '377'),
    P(SM, 'có bằng chứng vi khuẩn học, chiếm 61,6%', '61,6'),
    N(CM, 'tăng 22,0% so với cùng kỳ năm 2023 (377 ca)', '22,0', { change: true }),
    N(CM, 'giảm 15,5% so với cùng kỳ năm 2023 (220 ca)', '220'),
    N(CM, 'tăng 2,1% so với cùng kỳ năm 2023 (6.861 trẻ)', '6.861'),
    P(CM, '| 74 | 96 | 29,7 |', '29,7'),
    N(SM, '| Sốt xuất huyết (ca) | 58 | 402 | 460 |', '460'),
    F(TT, 'đã triển khai 7/7 nhiệm vụ trọng tâm năm 2024', '7/7', '8/8'),
    F(TT, 'trong số 7 nhiệm vụ trọng tâm năm 2024', '7 nhiệm vụ', '9 nhiệm vụ'),
    F(TE, 'đã triển khai 7/7 nhiệm vụ trọng tâm năm 2024', '7/7', '8/7'),
    F(TL, 'Trung tâm tập trung thực hiện 5 nhiệm vụ trọng tâm sau:', '5 nhiệm vụ', '6 nhiệm vụ'),
  ],
  'population-dskhhgd.md': [
    P(FP, 'đạt 103,0% kế hoạch năm (42.000 người)', '103,0'),
    P(FP, 'đạt 56,0% số cặp đăng ký kết hôn (7.360 cặp)', '56,0'),
    P(FP, '| 42.000 | 43.260 | 103,0 |', '103,0'),
    P(FP, '| 16.000 | 16.890 | 105,6 |', '105,6'),
    P(SM, 'nam 663.400 người, chiếm 49,4%', '49,4'),
    P(SM, 'nữ 679.200 người, chiếm 50,6%', '50,6'),
    N(SM, 'là 12,8 tỷ đồng, gồm', '12,8'),
    N(SM, '| Toàn tỉnh | 18.930 | 10.010 | 8.920 |', '10.010'),
    N(SM, '| Huyện Yên Mỹ | 2.280 | 1.210 |', '1.210'),
    N(CM, 'tăng 1,1% so với năm 2023 (1.328.000 người)', '1.328.000'),
    N(CM, 'giảm 0,4‰ so với năm 2023 (14,5‰)', '0,4', { change: true }),
    N(CM, 'giảm 0,04 con so với năm 2023 (2,16 con/phụ nữ)', '0,04', { change: true }),
    N(CM, 'giảm 0,7 điểm phần trăm so với năm 2023 (13,8%)', '13,8'),
    N(CM, 'tăng 0,6 điểm phần trăm so với năm 2023 (67,8%)', '0,6', { change: true }),
    N(IC, '| 14,9 | 14,5 | 14,1 |', '14,1'),
    N(IC, '| 2,21 | 2,16 | 2,12 |', '2,12'),
    F(IM, 'Tỷ suất sinh thô đạt 14,1‰', '14,1‰', '14,1%'),
    F(IM, 'Tổng tỷ suất sinh là 2,12 con/phụ nữ', '2,12 con/phụ nữ', '2,12%'),
    F(TE, 'hoàn thành 4/5 chỉ tiêu chủ yếu', '4/5', '6/5'),
    F(TL, 'Chi cục tập trung thực hiện 5 nhiệm vụ trọng tâm sau:', '5 nhiệm vụ', '6 nhiệm vụ'),
  ],
  'food-safety-attp.md': [
    N(SM, '| Y tế | 1.520 | 168 |', '168'),
    N(SM, '| Tổng cộng | 3.846 | 412 |', '3.846'),
    N(SM, '| 74 | 318,5 |', '318,5'),
    P(SM, 'phát hiện 412 cơ sở vi phạm, chiếm 10,7%', '10,7'),
    P(SM, 'có 1.187 mẫu đạt yêu cầu, chiếm 94,2%', '94,2'),
    P(SM, '73 mẫu không đạt, chiếm 5,8%', '5,8'),
    P(SM, 'có 8.236 lượt đạt, chiếm 97,8%', '97,8'),
    P(SM, '398 bếp ăn đạt yêu cầu, chiếm 96,6%', '96,6'),
    N(SM, 'gồm ngân sách tỉnh 1,86 tỷ đồng', '1,86'),
    P(FP, '| 1.146 | 112 | 9,8 |', '9,8'),
    P(FP, '| 862 | 96 | 11,1 |', '11,1'),
    N(CM, 'tăng 18,4% so với năm 2023 (627,1 triệu đồng)', '18,4', { change: true }),
    N(CM, 'giảm 1,9 điểm phần trăm so với năm 2023 (12,6%)', '12,6'),
    F(TL, 'Ban Chỉ đạo tập trung thực hiện 6 nhóm nhiệm vụ sau:', '6 nhóm', '7 nhóm'),
  ],
  'council-questions.md': [
    N(FP, 'đã có kết quả trúng thầu 548/612 mặt hàng', '548', { max: 612 }),
    P(FP, '548/612 mặt hàng, đạt 89,5%', '89,5'),
    N(FP, '198/216 trạm có bác sĩ', '198', { max: 216 }),
    P(FP, 'có bác sĩ làm việc, đạt 91,7%', '91,7'),
    N(FP, 'Có 191/216 xã', '191', { max: 216 }),
    P(FP, 'đạt 78,4% kế hoạch năm (15.400 trẻ)', '78,4'),
    P(SM, 'trong đó 86 bác sĩ, chiếm 40,2%', '40,2'),
    N(SM, 'đầu tư xây mới, sửa chữa 48 trạm y tế', '48'),
    N(RM, 'đạt 11,0 bác sĩ/vạn dân (dân số', '11,0'),
    N(RM, 'toàn tỉnh có 1.456 bác sĩ', '1.456'),
    N(IC, '| 10,6 | 11,0 |', '11,0'),
    N(IC, '| 127,6 | 121,4 |', '121,4'),
    N(CM, 'tăng 0,4 bác sĩ/vạn dân so với năm 2023 (10,6 bác sĩ/vạn dân)', '0,4', { change: true }),
    N(CM, 'tăng 0,8 điểm phần trăm so với năm 2023 (91,8%)', '0,8', { change: true }),
    N(CM, 'giảm 6,2 điểm phần trăm so với năm 2023 (127,6%)', '127,6'),
    N(CM, 'tăng 5,0% so với năm 2023 (55.140 lượt)', '5,0', { change: true }),
    F(IM, 'đạt 11,0 bác sĩ/vạn dân (dân số', '11,0 bác sĩ/vạn dân', '11,0%'),
    F(TL, 'tập trung thực hiện 4 nhóm giải pháp sau:', '4 nhóm', '5 nhóm'),
  ],
};

export interface Mutant {
  report: string;
  rule: MutationRule;
  /** e.g. "district-ttyt.md #12 v1: 19 → 17 in «Có 19/21 trạm y tế có bác sĩ»" */
  id: string;
  text: string;
  /** the changed range in `text` and its 0-based line */
  start: number;
  end: number;
  line: number;
  before: string;
  after: string;
}


function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A figure in vi-VN format: "1.234,5" → 1234.5 (2 groups of the same format go back unchanged). */
export interface ViNum {
  value: number;
  decimals: number;
  grouped: boolean;
}
export function parseVi(s: string): ViNum {
  const [int, frac = ''] = s.split(',');
  return { value: Number(int.replace(/\./g, '') + (frac ? '.' + frac : '')), decimals: frac.length, grouped: int.includes('.') };
}
export function formatVi(value: number, decimals: number, grouped: boolean): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const g = grouped || int.length > 4 ? int.replace(/\B(?=(\d{3})+$)/g, '.') : int;
  return (value < 0 ? '-' : '') + g + (frac ? ',' + frac : '');
}

/** Perturb one figure; returns its new text, never equal to the old. */
export function perturb(t: NumTarget | PctTarget, r: () => number, extraUlps = 0): string {
  const v = parseVi(t.num);
  const ulp = Math.pow(10, -v.decimals);
  const minUlps = 2 + extraUlps;
  const sign = r() < 0.5 ? -1 : 1;
  let candidates: number[];
  if (t.kind === 'pct') {
    const d = Math.max(1.5 + r() * 3.5, minUlps * ulp);
    candidates = [v.value + sign * d, v.value - sign * d];
    // a share or coverage stays a possible percentage, so only its relation is wrong
    candidates = candidates.filter((x) => x > 0 && (v.value > 100 || x <= 100));
  } else {
    const [lo, hi] = t.change ? [0.3, 0.8] : t.rule === 'indicator-ratio-mismatch' ? [0.1, 0.25] : [0.05, 0.15];
    const d = Math.max(v.value * (lo + r() * (hi - lo)), minUlps * ulp, v.decimals === 0 ? minUlps : 0);
    candidates = t.up ? [v.value + d] : [v.value + sign * d, v.value - sign * d];
    candidates = candidates.filter((x) => x > 0 && (t.max === undefined || x <= t.max));
  }
  for (const c of candidates) {
    const s = formatVi(Math.round(c / ulp) * ulp, v.decimals, v.grouped);
    if (s !== t.num) return s;
  }
  throw new Error(`no valid perturbation of ${t.num} in «${t.anchor}»`);
}

function locate(text: string, report: string, anchor: string): number {
  const at = text.indexOf(anchor);
  if (at < 0) throw new Error(`${report}: anchor not found: «${anchor}»`);
  if (text.indexOf(anchor, at + 1) >= 0) throw new Error(`${report}: anchor not unique: «${anchor}»`);
  return at;
}

/** The figure `num` inside the anchor: the first occurrence that is a whole number (not part of 12,5 or 1.234). */
function figureIn(anchor: string, num: string): number {
  const digit = (i: number) => /\d/.test(anchor[i] ?? '');
  const sep = (i: number) => anchor[i] === ',' || anchor[i] === '.';
  for (let i = anchor.indexOf(num); i >= 0; i = anchor.indexOf(num, i + 1)) {
    const j = i + num.length;
    if (digit(i - 1) || (sep(i - 1) && digit(i - 2))) continue;
    if (digit(j) || (sep(j) && digit(j + 1))) continue;
    return i;
  }
  throw new Error(`figure ${num} not in «${anchor}»`);
}

/** All mutants of one report: `variants` seeded versions of each numeric target, one of each fixed one. */
export function mutantsOf(report: string, text: string, variants = 2): Mutant[] {
  const out: Mutant[] = [];
  (TARGETS[report] ?? []).forEach((t, k) => {
    const at = locate(text, report, t.anchor);
    const n = t.kind === 'fixed' ? 1 : variants;
    const seen = new Set<string>();
    for (let v = 1; v <= n; v++) {
      let start: number, before: string, after: string;
      if (t.kind === 'fixed') {
        const i = t.anchor.indexOf(t.from);
        if (i < 0) throw new Error(`${report}: «${t.from}» not in «${t.anchor}»`);
        start = at + i;
        before = t.from;
        after = t.to;
      } else {
        start = at + figureIn(t.anchor, t.num);
        before = t.num;
        // variants of one target differ (a small change is often forced to the same value)
        after = perturb(t, prng(hash(`${report}#${k}#${v}`)));
        for (let retry = 1; retry <= 8 && seen.has(after); retry++) after = perturb(t, prng(hash(`${report}#${k}#${v}#${retry}`)), retry);
        if (seen.has(after)) continue;
        seen.add(after);
      }
      const end = start + before.length;
      const mutated = text.slice(0, start) + after + text.slice(end);
      out.push({
        report,
        rule: t.rule,
        id: `${report} #${k} v${v}: ${before} → ${after} in «${t.anchor}»`,
        text: mutated,
        start,
        end: start + after.length,
        line: lineOf(mutated, start),
        before,
        after,
      });
    }
  });
  return out;
}
