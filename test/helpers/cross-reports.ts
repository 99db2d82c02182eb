// Reports written for the cross-report tests (unit, CLI, protocol): a province's
// annual report with a table by district, two districts' reports of the same
// year, and a six-month review with the annual report of the same province.
// Each is a correct report on its own (no other finding); the figures that
// disagree across them are named in CONFLICTS.

/** Province annual report, 2023: own figures in prose, a table by district. */
export const PROVINCE_2023 = [
  'SỞ Y TẾ TỈNH NINH THUẬN',
  '',
  '# Báo cáo tổng kết công tác y tế năm 2023',
  '',
  '## 1. Kết quả thực hiện các chỉ tiêu chuyên môn',
  '',
  'Năm 2023, ngành y tế tỉnh đã hoàn thành cơ bản các chỉ tiêu được giao. Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ toàn tỉnh đạt 96,2%. Tỷ lệ trạm y tế xã có bác sĩ làm việc đạt 81,2%.',
  '',
  'Bảng 1. Tỷ lệ tiêm chủng đầy đủ cho trẻ dưới 1 tuổi theo huyện, năm 2023',
  '',
  '| Huyện | Tỷ lệ tiêm chủng đầy đủ (%) |',
  '|---|---|',
  '| Ninh Phước | 95,8 |', // line 13: the district's own report says 94,6%
  '| Ninh Sơn | 97,1 |', // line 14: agrees with Ninh Sơn's report
  '| Thuận Nam | 96,0 |',
  '',
  '## 2. Nhiệm vụ năm 2024',
  '',
  'Tiếp tục duy trì tỷ lệ tiêm chủng đầy đủ trên 95%, nâng cao chất lượng khám, chữa bệnh tại tuyến xã.',
  '',
].join('\n');

/** Ninh Phước district's report, 2023 (its own figures: "toàn huyện"). */
export const DISTRICT_A_2023 = [
  'SỞ Y TẾ TỈNH NINH THUẬN',
  'TRUNG TÂM Y TẾ HUYỆN NINH PHƯỚC',
  '',
  '# Báo cáo kết quả công tác y tế năm 2023',
  '',
  '## 1. Công tác tiêm chủng mở rộng',
  '',
  'Năm 2023, tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ toàn huyện đạt 94,6%, cao hơn năm 2022.', // line 8
  '',
  '## 2. Nhân lực y tế',
  '',
  'Tỷ lệ trạm y tế xã có bác sĩ làm việc của huyện đạt 86,4%.',
  '',
].join('\n');

/** Ninh Sơn district's report, 2023: other values than Ninh Phước's, never compared with them. */
export const DISTRICT_B_2023 = [
  'SỞ Y TẾ TỈNH NINH THUẬN',
  'TRUNG TÂM Y TẾ HUYỆN NINH SƠN',
  '',
  '# Báo cáo kết quả công tác y tế năm 2023',
  '',
  'Năm 2023, tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ toàn huyện đạt 97,1%. Tỷ lệ trạm y tế xã có bác sĩ làm việc của huyện đạt 75,0%.',
  '',
].join('\n');

/** Six-month review, 2024. */
export const REVIEW_6M_2024 = [
  'SỞ Y TẾ TỈNH LAI CHÂU',
  '',
  '# Báo cáo sơ kết công tác y tế 6 tháng đầu năm 2024',
  '',
  '## 1. Kết quả thực hiện',
  '',
  'Trong 6 tháng đầu năm 2024, tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ toàn tỉnh đạt 93,5%. Tỷ lệ trạm y tế xã có bác sĩ làm việc đạt 78,4%.', // line 7
  '',
  '## 2. Nhiệm vụ 6 tháng cuối năm',
  '',
  'Đẩy mạnh tiêm chủng bù cho trẻ chưa được tiêm đủ mũi tại các xã vùng sâu, vùng xa.',
  '',
].join('\n');

/** Annual report 2024 of the same province: the half-year column says 93,1 (line 11); 78,42 rounds to the review's 78,4. */
export const ANNUAL_2024 = [
  'SỞ Y TẾ TỈNH LAI CHÂU',
  '',
  '# Báo cáo tổng kết công tác y tế năm 2024',
  '',
  '## 1. Kết quả thực hiện các chỉ tiêu',
  '',
  'Bảng 1. Kết quả thực hiện một số chỉ tiêu chuyên môn năm 2024',
  '',
  '| Chỉ tiêu | 6 tháng đầu năm 2024 | Năm 2024 |',
  '|---|---|---|',
  '| Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ (%) | 93,1 | 97,2 |',
  '| Tỷ lệ trạm y tế xã có bác sĩ làm việc (%) | 78,42 | 80,5 |',
  '',
].join('\n');
