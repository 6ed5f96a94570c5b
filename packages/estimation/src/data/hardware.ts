/**
 * Peak dense (no sparsity) FLOP/s per accelerator and numeric precision, with the source of each figure, and
 * rental prices per chip-hour. This module is the source of truth; `configs/hardware.yaml` in the repository is
 * a copy for people (a test asserts they are equal), so the published package needs no file from the repo.
 */

/** One accelerator. */
export interface ChipSpec {
  /** Stable id, e.g. `nvidia-h100-sxm`. */
  id: string;
  /** Display name. */
  name: string;
  /** Names as sources write them (Epoch: `NVIDIA H100 SXM5 80GB`); matched after lower-casing and dropping non-alphanumerics. */
  aliases: string[];
  /** Peak dense FLOP/s by precision (`bf16`, `fp16`, `fp8`, `tf32`, `fp32`). */
  peakFlops: Record<string, number>;
  /** Precision assumed when a source does not say (the usual training precision of the chip's era). */
  defaultPrecision: string;
  /** Where the figures come from. */
  sourceUrl: string;
  /** How the figure was read, when it needed care (sparsity halved, approximations). */
  note?: string;
}

/** A price per chip-hour used by the `cost` method. */
export interface ChipPrice {
  /** Chip id of {@link ChipSpec}. */
  chip: string;
  /** US dollars per chip-hour. */
  usdPerHour: number;
  /** `cloud-on-demand` list price, or `amortised` hardware + energy cost. */
  kind: 'cloud-on-demand' | 'amortised';
  sourceUrl: string;
  note?: string;
}

/** The hardware table (chips, prices) as a plain object, equal to `configs/hardware.yaml`. */
export interface HardwareTable {
  chips: ChipSpec[];
  prices: ChipPrice[];
}

const NVIDIA_H100 = 'https://www.nvidia.com/en-us/data-center/h100/';
const NVIDIA_A100 =
  'https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf';
const EPOCH_HARDWARE = 'https://epoch.ai/data/machine-learning-hardware';
const SPARSITY_NOTE = 'datasheet figures with sparsity halved to dense';
/**
 * Older and workstation GPUs. Figures are the vendor's peak at boost clock as Epoch AI's hardware database lists
 * them. Cards without tensor cores (before Volta) are taken at FP32 (FP16 for the P100, which runs it at twice
 * the rate). Consumer and workstation cards (TITAN V, Turing, GeForce / RTX A-series Ampere) default to FP32:
 * Epoch's hardware-based figures for models trained on them imply FP32 peak × 30–40%, not the tensor-core peak.
 */
const OLDER_GPU_NOTE = 'vendor peak at boost clock, as listed in Epoch AI hardware data';
const CONSUMER_GPU_NOTE =
  'FP32 by default: the models trained on these cards that Epoch AI estimates from hardware imply FP32 peak × 30–40%';

export const HARDWARE_TABLE: HardwareTable = {
  chips: [
    {
      id: 'nvidia-h100-sxm',
      name: 'NVIDIA H100 SXM',
      aliases: [
        'NVIDIA H100 SXM5 80GB',
        'NVIDIA H100 SXM5',
        'NVIDIA H100 SXM',
        'H100 SXM',
        'H100',
        'NVIDIA H100',
      ],
      peakFlops: { fp8: 1.979e15, bf16: 9.89e14, fp16: 9.89e14, tf32: 4.95e14, fp32: 6.7e13 },
      defaultPrecision: 'bf16',
      sourceUrl: NVIDIA_H100,
      note: SPARSITY_NOTE,
    },
    {
      id: 'nvidia-h100-pcie',
      name: 'NVIDIA H100 PCIe',
      aliases: ['NVIDIA H100 PCIe', 'H100 PCIe', 'NVIDIA H100 PCIe 80GB'],
      peakFlops: { fp8: 1.513e15, bf16: 7.56e14, fp16: 7.56e14, tf32: 3.78e14, fp32: 5.1e13 },
      defaultPrecision: 'bf16',
      sourceUrl: NVIDIA_H100,
      note: SPARSITY_NOTE,
    },
    {
      id: 'nvidia-h800-sxm',
      name: 'NVIDIA H800 SXM',
      aliases: ['NVIDIA H800 SXM5', 'NVIDIA H800 SXM', 'NVIDIA H800', 'H800'],
      peakFlops: { fp8: 1.979e15, bf16: 9.89e14, fp16: 9.89e14, tf32: 4.95e14 },
      defaultPrecision: 'bf16',
      sourceUrl: EPOCH_HARDWARE,
      note: 'export variant of the H100 SXM with reduced interconnect; same tensor-core peak as the H100 SXM',
    },
    {
      id: 'nvidia-h200',
      name: 'NVIDIA H200',
      aliases: ['NVIDIA H200 SXM', 'NVIDIA H200', 'H200'],
      peakFlops: { fp8: 1.979e15, bf16: 9.89e14, fp16: 9.89e14, tf32: 4.95e14 },
      defaultPrecision: 'bf16',
      sourceUrl: 'https://www.nvidia.com/en-us/data-center/h200/',
      note: SPARSITY_NOTE,
    },
    {
      id: 'nvidia-h20',
      name: 'NVIDIA H20',
      aliases: ['NVIDIA H20', 'H20'],
      peakFlops: { fp8: 2.96e14, bf16: 1.48e14, fp16: 1.48e14 },
      defaultPrecision: 'bf16',
      sourceUrl: EPOCH_HARDWARE,
    },
    {
      id: 'nvidia-b200',
      name: 'NVIDIA B200',
      aliases: ['NVIDIA B200', 'NVIDIA B200 GPUs', 'B200', 'NVIDIA HGX B200'],
      peakFlops: { fp8: 4.5e15, bf16: 2.25e15, fp16: 2.25e15, tf32: 1.1e15 },
      defaultPrecision: 'bf16',
      sourceUrl: 'https://www.nvidia.com/en-us/data-center/hgx/',
      note: SPARSITY_NOTE,
    },
    {
      id: 'nvidia-gb200',
      name: 'NVIDIA GB200 (per Blackwell GPU)',
      aliases: ['NVIDIA GB200', 'GB200', 'NVIDIA GB200 NVL72'],
      peakFlops: { fp8: 5e15, bf16: 2.5e15, fp16: 2.5e15 },
      defaultPrecision: 'bf16',
      sourceUrl: 'https://www.nvidia.com/en-us/data-center/gb200-nvl72/',
      note: 'NVL72 rack figures divided by 72 GPUs, sparsity halved',
    },
    {
      id: 'nvidia-a100',
      name: 'NVIDIA A100',
      aliases: [
        'NVIDIA A100',
        'NVIDIA A100 SXM4 80 GB',
        'NVIDIA A100 SXM4 40 GB',
        'NVIDIA A100 PCIe',
        'A100',
        'NVIDIA A100 80GB',
      ],
      peakFlops: { bf16: 3.12e14, fp16: 3.12e14, tf32: 1.56e14, fp32: 1.95e13 },
      defaultPrecision: 'bf16',
      sourceUrl: NVIDIA_A100,
    },
    {
      id: 'nvidia-a800',
      name: 'NVIDIA A800',
      aliases: ['NVIDIA A800 SXM', 'NVIDIA A800 PCIe', 'NVIDIA A800 PCIe 40 GB', 'NVIDIA A800', 'A800'],
      peakFlops: { bf16: 3.12e14, fp16: 3.12e14, tf32: 1.56e14, fp32: 1.95e13 },
      defaultPrecision: 'bf16',
      sourceUrl: EPOCH_HARDWARE,
      note: 'export variant of the A100 with reduced interconnect; same tensor-core peak',
    },
    {
      id: 'nvidia-v100',
      name: 'NVIDIA V100',
      aliases: [
        'NVIDIA V100',
        'NVIDIA Tesla V100 SXM2',
        'NVIDIA Tesla V100 DGXS 32 GB',
        'NVIDIA Tesla V100 DGXS 16 GB',
        'NVIDIA Tesla V100S PCIe 32 GB',
        'NVIDIA Tesla V100 SXM3 32 GB',
        'V100',
      ],
      peakFlops: { fp16: 1.25e14, fp32: 1.57e13 },
      defaultPrecision: 'fp16',
      sourceUrl:
        'https://images.nvidia.com/content/technologies/volta/pdf/volta-v100-datasheet-update-us-1165301-r5.pdf',
      note: 'SXM2 tensor-core fp16 figure',
    },
    {
      id: 'nvidia-titan-v',
      name: 'NVIDIA TITAN V',
      aliases: ['NVIDIA Titan V', 'NVIDIA TITAN V', 'Titan V'],
      peakFlops: { fp16: 1.1e14, fp32: 1.49e13 },
      defaultPrecision: 'fp32',
      sourceUrl: 'https://www.nvidia.com/en-us/titan/titan-v/',
      note: CONSUMER_GPU_NOTE,
    },
    {
      id: 'nvidia-t4',
      name: 'NVIDIA T4',
      aliases: ['NVIDIA Tesla T4', 'NVIDIA T4', 'Tesla T4', 'T4'],
      peakFlops: { fp16: 6.5e13, fp32: 8.1e12 },
      defaultPrecision: 'fp16',
      sourceUrl: 'https://www.nvidia.com/en-us/data-center/tesla-t4/',
      note: 'tensor-core fp16 (data-centre card, mixed precision)',
    },
    {
      id: 'nvidia-titan-rtx',
      name: 'NVIDIA TITAN RTX',
      aliases: ['NVIDIA TITAN RTX', 'TITAN RTX'],
      peakFlops: { fp16: 1.305e14, fp32: 1.63e13 },
      defaultPrecision: 'fp32',
      sourceUrl: EPOCH_HARDWARE,
      note: CONSUMER_GPU_NOTE,
    },
    {
      id: 'nvidia-rtx-2080-ti',
      name: 'NVIDIA GeForce RTX 2080 Ti',
      aliases: ['NVIDIA GeForce RTX 2080 Ti', 'RTX 2080 Ti'],
      peakFlops: { fp16: 5.38e13, fp32: 1.345e13 },
      defaultPrecision: 'fp32',
      sourceUrl: EPOCH_HARDWARE,
      note: `${CONSUMER_GPU_NOTE}; fp16 is the tensor rate with FP32 accumulation (GeForce)`,
    },
    {
      id: 'nvidia-quadro-rtx-8000',
      name: 'NVIDIA Quadro RTX 8000',
      aliases: ['NVIDIA Quadro RTX 8000', 'Quadro RTX 8000', 'NVIDIA Quadro RTX 6000'],
      peakFlops: { fp16: 1.305e14, fp32: 1.63e13 },
      defaultPrecision: 'fp32',
      sourceUrl: EPOCH_HARDWARE,
      note: CONSUMER_GPU_NOTE,
    },
    {
      id: 'nvidia-quadro-rtx-5000',
      name: 'NVIDIA Quadro RTX 5000',
      aliases: ['NVIDIA Quadro RTX 5000', 'Quadro RTX 5000'],
      peakFlops: { fp16: 8.92e13, fp32: 1.12e13 },
      defaultPrecision: 'fp32',
      sourceUrl: EPOCH_HARDWARE,
      note: CONSUMER_GPU_NOTE,
    },
    {
      id: 'nvidia-quadro-rtx-4000',
      name: 'NVIDIA Quadro RTX 4000',
      aliases: ['NVIDIA Quadro RTX 4000', 'Quadro RTX 4000'],
      peakFlops: { fp16: 5.7e13, fp32: 7.12e12 },
      defaultPrecision: 'fp32',
      sourceUrl: EPOCH_HARDWARE,
      note: CONSUMER_GPU_NOTE,
    },
    {
      id: 'nvidia-rtx-3090',
      name: 'NVIDIA GeForce RTX 3090',
      aliases: ['NVIDIA GeForce RTX 3090', 'RTX 3090'],
      peakFlops: { fp16: 3.558e13, fp32: 3.558e13 },
      defaultPrecision: 'fp32',
      sourceUrl: EPOCH_HARDWARE,
      note: `${CONSUMER_GPU_NOTE}; fp16 is the dense tensor rate with FP32 accumulation (GeForce)`,
    },
    {
      id: 'nvidia-rtx-3090-ti',
      name: 'NVIDIA GeForce RTX 3090 Ti',
      aliases: ['NVIDIA GeForce RTX 3090 Ti', 'RTX 3090 Ti'],
      peakFlops: { fp16: 4.0e13, fp32: 4.0e13 },
      defaultPrecision: 'fp32',
      sourceUrl: EPOCH_HARDWARE,
      note: `${CONSUMER_GPU_NOTE}; fp16 is the dense tensor rate with FP32 accumulation (GeForce)`,
    },
    {
      id: 'nvidia-rtx-a6000',
      name: 'NVIDIA RTX A6000',
      aliases: ['NVIDIA RTX A6000', 'RTX A6000'],
      peakFlops: { fp16: 1.548e14, fp32: 3.87e13 },
      defaultPrecision: 'fp32',
      sourceUrl: 'https://www.nvidia.com/en-us/design-visualization/rtx-a6000/',
      note: CONSUMER_GPU_NOTE,
    },
    {
      id: 'nvidia-rtx-a5000',
      name: 'NVIDIA RTX A5000',
      aliases: ['NVIDIA RTX A5000', 'RTX A5000'],
      peakFlops: { fp16: 1.111e14, fp32: 2.77e13 },
      defaultPrecision: 'fp32',
      sourceUrl: EPOCH_HARDWARE,
      note: CONSUMER_GPU_NOTE,
    },
    {
      id: 'nvidia-a30',
      name: 'NVIDIA A30',
      aliases: ['NVIDIA A30', 'NVIDIA A30 PCIe', 'A30'],
      peakFlops: { bf16: 1.65e14, fp16: 1.65e14, tf32: 8.2e13, fp32: 1.03e13 },
      defaultPrecision: 'bf16',
      sourceUrl: 'https://www.nvidia.com/en-us/data-center/products/a30-gpu/',
      note: SPARSITY_NOTE,
    },
    {
      id: 'nvidia-a40',
      name: 'NVIDIA A40',
      aliases: ['NVIDIA A40', 'NVIDIA A40 PCIe', 'A40'],
      peakFlops: { bf16: 1.497e14, fp16: 1.497e14, tf32: 7.48e13, fp32: 3.74e13 },
      defaultPrecision: 'bf16',
      sourceUrl: 'https://www.nvidia.com/en-us/data-center/a40/',
      note: SPARSITY_NOTE,
    },
    {
      id: 'nvidia-gh200',
      name: 'NVIDIA GH200 (per Hopper GPU)',
      aliases: ['NVIDIA GH200', 'GH200', 'NVIDIA GH200 Grace Hopper Superchip'],
      peakFlops: { fp8: 1.979e15, bf16: 9.89e14, fp16: 9.89e14, tf32: 4.95e14, fp32: 6.7e13 },
      defaultPrecision: 'bf16',
      sourceUrl: 'https://www.nvidia.com/en-us/data-center/grace-hopper-superchip/',
      note: 'the Hopper GPU of the superchip has the H100 SXM tensor-core peak; sparsity halved',
    },
    {
      id: 'nvidia-p100',
      name: 'NVIDIA Tesla P100',
      aliases: ['NVIDIA P100', 'NVIDIA Tesla P100', 'Tesla P100', 'P100'],
      peakFlops: { fp16: 1.87e13, fp32: 9.3e12 },
      defaultPrecision: 'fp16',
      sourceUrl: 'https://www.nvidia.com/en-us/data-center/tesla-p100/',
      note: 'PCIe figures; the P100 runs FP16 at twice its FP32 rate',
    },
    {
      id: 'nvidia-p40',
      name: 'NVIDIA Tesla P40',
      aliases: ['NVIDIA P40', 'NVIDIA Tesla P40', 'Tesla P40'],
      peakFlops: { fp32: 1.176e13 },
      defaultPrecision: 'fp32',
      sourceUrl: EPOCH_HARDWARE,
      note: OLDER_GPU_NOTE,
    },
    {
      id: 'nvidia-quadro-p600',
      name: 'NVIDIA Quadro P600',
      aliases: ['NVIDIA Quadro P600', 'Quadro P600'],
      peakFlops: { fp32: 1.195e12 },
      defaultPrecision: 'fp32',
      sourceUrl: EPOCH_HARDWARE,
      note: OLDER_GPU_NOTE,
    },
    {
      id: 'nvidia-titan-xp',
      name: 'NVIDIA TITAN Xp',
      aliases: ['NVIDIA TITAN Xp', 'TITAN Xp'],
      peakFlops: { fp32: 1.215e13 },
      defaultPrecision: 'fp32',
      sourceUrl: EPOCH_HARDWARE,
      note: OLDER_GPU_NOTE,
    },
    {
      id: 'nvidia-gtx-1080-ti',
      name: 'NVIDIA GeForce GTX 1080 Ti',
      aliases: ['NVIDIA GeForce GTX 1080 Ti', 'GTX 1080 Ti'],
      peakFlops: { fp32: 1.134e13 },
      defaultPrecision: 'fp32',
      sourceUrl: EPOCH_HARDWARE,
      note: OLDER_GPU_NOTE,
    },
    {
      id: 'nvidia-gtx-1080',
      name: 'NVIDIA GeForce GTX 1080',
      aliases: ['NVIDIA GeForce GTX 1080', 'GTX 1080'],
      peakFlops: { fp32: 8.87e12 },
      defaultPrecision: 'fp32',
      sourceUrl: EPOCH_HARDWARE,
      note: OLDER_GPU_NOTE,
    },
    {
      id: 'nvidia-m40',
      name: 'NVIDIA Tesla M40',
      aliases: ['NVIDIA M40', 'NVIDIA Tesla M40', 'Tesla M40'],
      peakFlops: { fp32: 6.84e12 },
      defaultPrecision: 'fp32',
      sourceUrl: EPOCH_HARDWARE,
      note: OLDER_GPU_NOTE,
    },
    {
      id: 'nvidia-gtx-titan-x',
      name: 'NVIDIA GeForce GTX TITAN X (Maxwell)',
      aliases: ['NVIDIA GeForce GTX TITAN X', 'GTX TITAN X'],
      peakFlops: { fp32: 6.69e12 },
      defaultPrecision: 'fp32',
      sourceUrl: EPOCH_HARDWARE,
      note: OLDER_GPU_NOTE,
    },
    {
      id: 'nvidia-k80',
      name: 'NVIDIA Tesla K80 (board, two GPUs)',
      aliases: ['NVIDIA Tesla K80', 'Tesla K80', 'K80'],
      peakFlops: { fp32: 8.73e12 },
      defaultPrecision: 'fp32',
      sourceUrl: 'https://www.nvidia.com/en-gb/data-center/tesla-k80/',
      note: 'per board (two GK210 GPUs) at boost clock, as sources count K80s',
    },
    {
      id: 'nvidia-k40',
      name: 'NVIDIA Tesla K40',
      aliases: ['NVIDIA Tesla K40', 'Tesla K40', 'K40'],
      peakFlops: { fp32: 5.04e12 },
      defaultPrecision: 'fp32',
      sourceUrl: EPOCH_HARDWARE,
      note: `${OLDER_GPU_NOTE}; matches K40c, K40m, K40s, K40t`,
    },
    {
      id: 'nvidia-k20',
      name: 'NVIDIA Tesla K20',
      aliases: ['NVIDIA Tesla K20', 'Tesla K20'],
      peakFlops: { fp32: 3.52e12 },
      defaultPrecision: 'fp32',
      sourceUrl: EPOCH_HARDWARE,
      note: `${OLDER_GPU_NOTE}; matches K20m and K20c`,
    },
    {
      id: 'nvidia-gtx-titan-black',
      name: 'NVIDIA GeForce GTX TITAN Black',
      aliases: ['NVIDIA GeForce GTX Titan Black', 'GTX Titan Black'],
      peakFlops: { fp32: 5.645e12 },
      defaultPrecision: 'fp32',
      sourceUrl: EPOCH_HARDWARE,
      note: OLDER_GPU_NOTE,
    },
    {
      id: 'nvidia-gtx-580',
      name: 'NVIDIA GeForce GTX 580',
      aliases: ['NVIDIA GeForce GTX 580', 'GTX 580'],
      peakFlops: { fp32: 1.581e12 },
      defaultPrecision: 'fp32',
      sourceUrl: EPOCH_HARDWARE,
      note: OLDER_GPU_NOTE,
    },
    {
      id: 'nvidia-gtx-480',
      name: 'NVIDIA GeForce GTX 480',
      aliases: ['NVIDIA GeForce GTX 480', 'GTX 480'],
      peakFlops: { fp32: 1.345e12 },
      defaultPrecision: 'fp32',
      sourceUrl: EPOCH_HARDWARE,
      note: OLDER_GPU_NOTE,
    },
    {
      id: 'nvidia-tesla-c2075',
      name: 'NVIDIA Tesla C2075',
      aliases: ['NVIDIA Tesla C2075', 'Tesla C2075', 'NVIDIA Tesla C2070', 'Tesla C2070'],
      peakFlops: { fp32: 1.03e12 },
      defaultPrecision: 'fp32',
      sourceUrl: EPOCH_HARDWARE,
      note: OLDER_GPU_NOTE,
    },
    {
      id: 'nvidia-gtx-285',
      name: 'NVIDIA GeForce GTX 285',
      aliases: ['NVIDIA GeForce GTX 285', 'GTX 285'],
      peakFlops: { fp32: 7.08e11 },
      defaultPrecision: 'fp32',
      sourceUrl: EPOCH_HARDWARE,
      note: `${OLDER_GPU_NOTE}; multiply-add rate (without the extra multiply)`,
    },
    {
      id: 'google-tpu-v2',
      name: 'Google TPU v2',
      aliases: ['Google TPU v2', 'TPU v2'],
      peakFlops: { bf16: 4.6e13 },
      defaultPrecision: 'bf16',
      sourceUrl: 'https://cloud.google.com/tpu/docs/v2',
    },
    {
      id: 'google-tpu-v3',
      name: 'Google TPU v3',
      aliases: ['Google TPU v3', 'TPU v3'],
      peakFlops: { bf16: 1.23e14 },
      defaultPrecision: 'bf16',
      sourceUrl: 'https://cloud.google.com/tpu/docs/v3',
    },
    {
      id: 'google-tpu-v4',
      name: 'Google TPU v4',
      aliases: ['Google TPU v4', 'TPU v4'],
      peakFlops: { bf16: 2.75e14 },
      defaultPrecision: 'bf16',
      sourceUrl: 'https://cloud.google.com/tpu/docs/v4',
    },
    {
      id: 'google-tpu-v5e',
      name: 'Google TPU v5e',
      aliases: ['Google TPU v5e', 'TPU v5e', 'TPU v5 lite'],
      peakFlops: { bf16: 1.97e14, int8: 3.94e14 },
      defaultPrecision: 'bf16',
      sourceUrl: 'https://cloud.google.com/tpu/docs/v5e',
    },
    {
      id: 'google-tpu-v5p',
      name: 'Google TPU v5p',
      aliases: ['Google TPU v5p', 'TPU v5p'],
      peakFlops: { bf16: 4.59e14, int8: 9.18e14 },
      defaultPrecision: 'bf16',
      sourceUrl: 'https://cloud.google.com/tpu/docs/v5p',
    },
    {
      id: 'google-tpu-v6e',
      name: 'Google TPU v6e (Trillium)',
      aliases: ['Google TPU v6e', 'TPU v6e', 'Trillium', 'Google TPU v6e Trillium'],
      peakFlops: { bf16: 9.18e14, int8: 1.836e15 },
      defaultPrecision: 'bf16',
      sourceUrl: 'https://cloud.google.com/tpu/docs/v6e',
    },
    {
      id: 'amd-mi250x',
      name: 'AMD Instinct MI250X',
      aliases: ['AMD Instinct MI250X', 'AMD Radeon Instinct MI250X', 'MI250X'],
      peakFlops: { bf16: 3.83e14, fp16: 3.83e14, fp32: 4.79e13 },
      defaultPrecision: 'bf16',
      sourceUrl: 'https://www.amd.com/en/products/accelerators/instinct/mi200/mi250x.html',
    },
    {
      id: 'amd-mi300x',
      name: 'AMD Instinct MI300X',
      aliases: ['AMD Instinct MI300X', 'MI300X', 'AMD MI300X'],
      peakFlops: { fp8: 2.615e15, bf16: 1.307e15, fp16: 1.307e15 },
      defaultPrecision: 'bf16',
      sourceUrl: 'https://www.amd.com/en/products/accelerators/instinct/mi300/mi300x.html',
      note: SPARSITY_NOTE,
    },
    {
      id: 'huawei-ascend-910b',
      name: 'Huawei Ascend 910B',
      aliases: ['Ascend 910B', 'Huawei Ascend 910B', 'Ascend (昇腾) 910B'],
      peakFlops: { fp16: 3.2e14, bf16: 3.2e14 },
      defaultPrecision: 'fp16',
      sourceUrl: EPOCH_HARDWARE,
      note: 'approximate: Huawei publishes no datasheet for the 910B; ~320 TFLOP/s fp16 is the figure in Epoch AI hardware data and press reports',
    },
    {
      id: 'huawei-ascend-910',
      name: 'Huawei Ascend 910',
      aliases: ['Huawei Ascend 910', 'Ascend 910'],
      peakFlops: { fp16: 2.56e14 },
      defaultPrecision: 'fp16',
      sourceUrl: 'https://www.huawei.com/en/news/2019/8/huawei-ascend-910-most-powerful-ai-processor',
    },
    {
      id: 'intel-gaudi2',
      name: 'Intel Gaudi 2',
      aliases: ['Intel Gaudi2', 'Intel Habana Gaudi2', 'Gaudi2', 'Gaudi 2'],
      peakFlops: { bf16: 4.32e14, fp8: 8.65e14 },
      defaultPrecision: 'bf16',
      sourceUrl: EPOCH_HARDWARE,
      note: 'approximate matrix-engine figure; Intel publishes Gaudi 2 peak mainly as relative numbers',
    },
    {
      id: 'intel-gaudi3',
      name: 'Intel Gaudi 3',
      aliases: ['Intel Gaudi3', 'Gaudi3', 'Gaudi 3'],
      peakFlops: { bf16: 1.835e15, fp8: 1.835e15 },
      defaultPrecision: 'bf16',
      sourceUrl:
        'https://www.intel.com/content/www/us/en/content-details/817486/intel-gaudi-3-ai-accelerator-white-paper.html',
    },
    {
      id: 'aws-trainium1',
      name: 'AWS Trainium',
      aliases: ['Amazon Trainium1', 'AWS Trainium', 'Trainium1', 'Trainium'],
      peakFlops: { bf16: 1.9e14, fp8: 1.9e14 },
      defaultPrecision: 'bf16',
      sourceUrl: 'https://aws.amazon.com/machine-learning/trainium/',
    },
  ],
  prices: [
    {
      chip: 'nvidia-h100-sxm',
      usdPerHour: 2.99,
      kind: 'cloud-on-demand',
      sourceUrl: 'https://lambda.ai/service/gpu-cloud',
      note: 'on-demand price per GPU of an 8×H100 SXM instance; hyperscaler list prices are higher, long contracts lower',
    },
    {
      chip: 'nvidia-h800-sxm',
      usdPerHour: 2.99,
      kind: 'cloud-on-demand',
      sourceUrl: 'https://lambda.ai/service/gpu-cloud',
      note: 'priced as the H100 SXM',
    },
    {
      chip: 'nvidia-h200',
      usdPerHour: 3.79,
      kind: 'cloud-on-demand',
      sourceUrl: 'https://lambda.ai/service/gpu-cloud',
    },
    {
      chip: 'nvidia-b200',
      usdPerHour: 4.99,
      kind: 'cloud-on-demand',
      sourceUrl: 'https://lambda.ai/service/gpu-cloud',
    },
    {
      chip: 'nvidia-a100',
      usdPerHour: 1.79,
      kind: 'cloud-on-demand',
      sourceUrl: 'https://lambda.ai/service/gpu-cloud',
      note: 'A100 SXM 80GB',
    },
    {
      chip: 'nvidia-v100',
      usdPerHour: 0.55,
      kind: 'cloud-on-demand',
      sourceUrl: 'https://lambda.ai/service/gpu-cloud',
    },
    {
      chip: 'google-tpu-v4',
      usdPerHour: 3.22,
      kind: 'cloud-on-demand',
      sourceUrl: 'https://cloud.google.com/tpu/pricing',
    },
    {
      chip: 'google-tpu-v5e',
      usdPerHour: 1.2,
      kind: 'cloud-on-demand',
      sourceUrl: 'https://cloud.google.com/tpu/pricing',
    },
    {
      chip: 'google-tpu-v5p',
      usdPerHour: 4.2,
      kind: 'cloud-on-demand',
      sourceUrl: 'https://cloud.google.com/tpu/pricing',
    },
    {
      chip: 'google-tpu-v6e',
      usdPerHour: 2.7,
      kind: 'cloud-on-demand',
      sourceUrl: 'https://cloud.google.com/tpu/pricing',
    },
  ],
};
