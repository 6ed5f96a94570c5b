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
        'V100',
      ],
      peakFlops: { fp16: 1.25e14, fp32: 1.57e13 },
      defaultPrecision: 'fp16',
      sourceUrl:
        'https://images.nvidia.com/content/technologies/volta/pdf/volta-v100-datasheet-update-us-1165301-r5.pdf',
      note: 'SXM2 tensor-core fp16 figure',
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
