// The words that mark an estimate as a simulation, not a stamped quotation (seed 001), on screen and on paper.
export const estimateNotice = {
  ja: 'この金額は料金シミュレーションによる概算であり、正式な見積書ではありません。従量料金はご利用実績により変わります。',
  en: 'This is a price simulation, not a formal quotation. Usage charges depend on actual usage.',
};
