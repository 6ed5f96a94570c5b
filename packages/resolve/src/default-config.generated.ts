// Generated from configs/aliases.yaml and configs/exclusions.yaml by default-config.test.ts
// (in packages/resolve: npx -y pnpm@10 generate:default-config). Do not edit by hand.
// Validated when generated; default-config.test.ts checks they equal what parsing the YAML gives.
import type { AliasConfig, ExclusionConfig } from './config';

export const DEFAULT_ALIAS_CONFIG: AliasConfig = {
  "developers": [
    {
      "slug": "openai",
      "name": "OpenAI",
      "aliases": [
        "OpenAI",
        "open-ai",
        "openai.com"
      ],
      "families": [
        "gpt",
        "chatgpt",
        "o",
        "davinci",
        "dall",
        "sora",
        "whisper"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "anthropic",
      "name": "Anthropic",
      "aliases": [
        "Anthropic",
        "anthropic-ai"
      ],
      "families": [
        "claude"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "google",
      "name": "Google",
      "aliases": [
        "Google",
        "Google DeepMind",
        "DeepMind",
        "Google Research",
        "Google Brain",
        "google-t5",
        "googleai",
        "Google AI"
      ],
      "families": [
        "gemini",
        "gemma",
        "palm",
        "bard",
        "lamda",
        "chinchilla",
        "veo",
        "imagen",
        "lyria",
        "flan",
        "t5",
        "medgemma"
      ],
      "openFamilies": [
        "gemma"
      ],
      "markers": []
    },
    {
      "slug": "meta",
      "name": "Meta",
      "aliases": [
        "Meta",
        "Meta AI",
        "meta-llama",
        "Facebook",
        "Facebook AI Research",
        "FAIR",
        "Meta Platforms",
        "codellama"
      ],
      "families": [
        "llama",
        "codellama",
        "muse"
      ],
      "openFamilies": [
        "llama",
        "codellama"
      ],
      "markers": []
    },
    {
      "slug": "alibaba",
      "name": "Alibaba",
      "aliases": [
        "Alibaba",
        "Alibaba Cloud",
        "Qwen",
        "Alibaba Group",
        "Tongyi",
        "Alibaba Qwen"
      ],
      "families": [
        "qwen",
        "qwq",
        "qvq"
      ],
      "openFamilies": [
        "qwen",
        "qwq"
      ],
      "markers": []
    },
    {
      "slug": "deepseek",
      "name": "DeepSeek",
      "aliases": [
        "DeepSeek",
        "DeepSeek AI",
        "deepseek-ai"
      ],
      "families": [
        "deepseek"
      ],
      "openFamilies": [
        "deepseek"
      ],
      "markers": []
    },
    {
      "slug": "xai",
      "name": "xAI",
      "aliases": [
        "xAI",
        "x-ai",
        "x.ai"
      ],
      "families": [
        "grok"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "mistral",
      "name": "Mistral AI",
      "aliases": [
        "Mistral",
        "Mistral AI",
        "mistralai",
        "mistral-ai"
      ],
      "families": [
        "mistral",
        "mixtral",
        "magistral",
        "codestral",
        "ministral",
        "devstral",
        "pixtral",
        "voxtral"
      ],
      "openFamilies": [
        "mistral",
        "mixtral"
      ],
      "markers": []
    },
    {
      "slug": "zhipu",
      "name": "Zhipu AI (Z.ai)",
      "aliases": [
        "Zhipu",
        "Zhipu AI",
        "Z.ai",
        "Z AI",
        "z-ai",
        "zai-org",
        "Z.ai (Zhipu AI)",
        "THUDM",
        "Tsinghua",
        "Tsinghua University",
        "Knowledge Engineering Group (KEG)"
      ],
      "families": [
        "glm",
        "chatglm",
        "codegeex",
        "cogview"
      ],
      "openFamilies": [
        "glm"
      ],
      "markers": []
    },
    {
      "slug": "moonshot",
      "name": "Moonshot AI",
      "aliases": [
        "Moonshot",
        "Moonshot AI",
        "MoonshotAI",
        "moonshotai",
        "Kimi"
      ],
      "families": [
        "kimi",
        "moonshot"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "bytedance",
      "name": "ByteDance",
      "aliases": [
        "ByteDance",
        "ByteDance Seed",
        "bytedance-seed",
        "ByteDance-Seed",
        "Doubao"
      ],
      "families": [
        "doubao",
        "seed",
        "skylark"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "tencent",
      "name": "Tencent",
      "aliases": [
        "Tencent",
        "Tencent Hunyuan"
      ],
      "families": [
        "hunyuan",
        "hy"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "baidu",
      "name": "Baidu",
      "aliases": [
        "Baidu",
        "Baidu Qianfan",
        "Baidu Research"
      ],
      "families": [
        "ernie"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "amazon",
      "name": "Amazon",
      "aliases": [
        "Amazon",
        "Amazon Web Services (AWS)",
        "AWS",
        "Amazon Nova"
      ],
      "families": [
        "nova",
        "titan"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "microsoft",
      "name": "Microsoft",
      "aliases": [
        "Microsoft",
        "Microsoft Research",
        "Microsoft Azure",
        "Microsoft AI",
        "MAI"
      ],
      "families": [
        "phi",
        "wizardlm",
        "mai",
        "orca"
      ],
      "openFamilies": [
        "phi"
      ],
      "markers": []
    },
    {
      "slug": "nvidia",
      "name": "NVIDIA",
      "aliases": [
        "NVIDIA",
        "Nvidia",
        "nv",
        "nvidia-ai"
      ],
      "families": [
        "nemotron",
        "megatron"
      ],
      "openFamilies": [],
      "markers": [
        "nemotron"
      ]
    },
    {
      "slug": "cohere",
      "name": "Cohere",
      "aliases": [
        "Cohere",
        "Cohere for AI",
        "CohereForAI",
        "CohereLabs",
        "Cohere Labs",
        "c4ai"
      ],
      "families": [
        "command",
        "aya"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "ai21",
      "name": "AI21 Labs",
      "aliases": [
        "AI21",
        "AI21 Labs",
        "ai21labs"
      ],
      "families": [
        "jamba",
        "jurassic"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "01-ai",
      "name": "01.AI",
      "aliases": [
        "01.AI",
        "01 AI",
        "01-ai",
        "01ai",
        "Lingyiwanwu"
      ],
      "families": [
        "yi"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "minimax",
      "name": "MiniMax",
      "aliases": [
        "MiniMax",
        "MiniMaxAI",
        "minimax-ai",
        "Hailuo AI"
      ],
      "families": [
        "minimax",
        "abab"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "stepfun",
      "name": "StepFun",
      "aliases": [
        "StepFun",
        "stepfun-ai"
      ],
      "families": [
        "step"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "reka",
      "name": "Reka AI",
      "aliases": [
        "Reka",
        "Reka AI",
        "rekaai"
      ],
      "families": [
        "reka"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "databricks",
      "name": "Databricks",
      "aliases": [
        "Databricks",
        "MosaicML"
      ],
      "families": [
        "dbrx",
        "mpt",
        "dolly"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "ai2",
      "name": "Ai2",
      "aliases": [
        "Ai2",
        "Allen AI",
        "AllenAI",
        "Allen Institute for AI",
        "AllenAI/UW",
        "allenai"
      ],
      "families": [
        "olmo",
        "tulu",
        "molmo"
      ],
      "openFamilies": [],
      "markers": [
        "tulu"
      ]
    },
    {
      "slug": "inflection",
      "name": "Inflection AI",
      "aliases": [
        "Inflection",
        "Inflection AI"
      ],
      "families": [
        "inflection"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "ibm",
      "name": "IBM",
      "aliases": [
        "IBM",
        "ibm-granite",
        "IBM Research"
      ],
      "families": [
        "granite"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "xiaomi",
      "name": "Xiaomi",
      "aliases": [
        "Xiaomi",
        "XiaomiMiMo"
      ],
      "families": [
        "mimo"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "ant-group",
      "name": "Ant Group (inclusionAI)",
      "aliases": [
        "Ant Group",
        "inclusionAI",
        "inclusion AI",
        "Ant Ling"
      ],
      "families": [
        "ling",
        "ring"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "meituan",
      "name": "Meituan",
      "aliases": [
        "Meituan",
        "LongCat",
        "meituan-longcat"
      ],
      "families": [
        "longcat"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "snowflake",
      "name": "Snowflake",
      "aliases": [
        "Snowflake"
      ],
      "families": [
        "arctic"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "tii",
      "name": "Technology Innovation Institute",
      "aliases": [
        "TII",
        "TII UAE",
        "tiiuae",
        "Technology Innovation Institute"
      ],
      "families": [
        "falcon"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "lg",
      "name": "LG AI Research",
      "aliases": [
        "LG",
        "LG AI Research",
        "LGAI-EXAONE"
      ],
      "families": [
        "exaone"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "upstage",
      "name": "Upstage",
      "aliases": [
        "Upstage",
        "Upstage AI"
      ],
      "families": [
        "solar"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "perplexity",
      "name": "Perplexity",
      "aliases": [
        "Perplexity",
        "Perplexity AI",
        "perplexity-ai"
      ],
      "families": [
        "sonar",
        "pplx",
        "r1776"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "nous-research",
      "name": "Nous Research",
      "aliases": [
        "Nous Research",
        "NousResearch",
        "Nous"
      ],
      "families": [
        "hermes",
        "openhermes",
        "deephermes"
      ],
      "openFamilies": [],
      "markers": [
        "hermes"
      ]
    },
    {
      "slug": "nexusflow",
      "name": "Nexusflow",
      "aliases": [
        "Nexusflow",
        "NexusFlow"
      ],
      "families": [
        "athene",
        "starling"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "shanghai-ai-lab",
      "name": "Shanghai AI Laboratory",
      "aliases": [
        "Shanghai AI Laboratory",
        "Shanghai AI Lab",
        "InternLM"
      ],
      "families": [
        "internlm",
        "intern"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "huawei",
      "name": "Huawei",
      "aliases": [
        "Huawei",
        "Huawei Noah's Ark Lab"
      ],
      "families": [
        "pangu"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "saudi-aramco",
      "name": "Saudi Aramco",
      "aliases": [
        "Saudi Aramco",
        "Aramco"
      ],
      "families": [
        "aramco",
        "metabrain"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "cursor",
      "name": "Cursor",
      "aliases": [
        "Cursor",
        "Anysphere"
      ],
      "families": [
        "composer"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "liquid-ai",
      "name": "Liquid AI",
      "aliases": [
        "Liquid AI",
        "LiquidAI",
        "Liquid"
      ],
      "families": [
        "lfm"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "arcee",
      "name": "Arcee AI",
      "aliases": [
        "Arcee AI",
        "arcee-ai",
        "Arcee"
      ],
      "families": [
        "trinity"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "prime-intellect",
      "name": "Prime Intellect",
      "aliases": [
        "Prime Intellect",
        "PrimeIntellect",
        "prime-intellect"
      ],
      "families": [
        "intellect"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "inception",
      "name": "Inception",
      "aliases": [
        "Inception",
        "Inception AI",
        "Inception Labs"
      ],
      "families": [
        "mercury"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "nomic",
      "name": "Nomic AI",
      "aliases": [
        "Nomic AI",
        "nomic-ai"
      ],
      "families": [
        "gpt4all"
      ],
      "openFamilies": [],
      "markers": []
    },
    {
      "slug": "sensetime",
      "name": "SenseTime",
      "aliases": [
        "SenseTime"
      ],
      "families": [
        "sensechat",
        "sensenova"
      ],
      "openFamilies": [],
      "markers": []
    }
  ],
  "models": [
    {
      "id": "openai/gpt-4",
      "name": "GPT-4",
      "aliases": []
    },
    {
      "id": "openai/gpt-4-turbo",
      "name": "GPT-4 Turbo",
      "aliases": [
        "gpt-4-0125-preview",
        "GPT-4 Turbo (Apr 2024)"
      ],
      "note": "the base is the April 2024 GA release (gpt-4-turbo-2024-04-09); gpt-4-0125-preview is served as its preview"
    },
    {
      "id": "openai/gpt-4-turbo-2023-11",
      "name": "GPT-4 Turbo (Nov 2023)",
      "aliases": [
        "gpt-4-1106-preview",
        "gpt-4-1106-vision-preview"
      ],
      "releaseOf": "openai/gpt-4-turbo",
      "releaseDates": [
        "2023-11-06"
      ]
    },
    {
      "id": "openai/gpt-4o",
      "name": "GPT-4o",
      "aliases": [
        "chatgpt-4o",
        "gpt-4o-chatgpt"
      ],
      "note": "chatgpt-4o-latest is GPT-4o as served in ChatGPT; dated ChatGPT snapshots follow the release dates below"
    },
    {
      "id": "openai/gpt-4o-2024-11",
      "name": "GPT-4o (Nov 2024)",
      "aliases": [],
      "releaseOf": "openai/gpt-4o",
      "releaseDates": [
        "2024-11-20"
      ]
    },
    {
      "id": "openai/gpt-4o-2025-01",
      "name": "GPT-4o (Jan 2025)",
      "aliases": [],
      "releaseOf": "openai/gpt-4o",
      "releaseDates": [
        "2025-01-29"
      ]
    },
    {
      "id": "openai/gpt-4o-mini",
      "name": "GPT-4o mini",
      "aliases": []
    },
    {
      "id": "openai/gpt-4.1",
      "name": "GPT-4.1",
      "aliases": []
    },
    {
      "id": "openai/gpt-4.5",
      "name": "GPT-4.5",
      "aliases": []
    },
    {
      "id": "openai/o1",
      "name": "o1",
      "aliases": []
    },
    {
      "id": "openai/o1-preview",
      "name": "o1-preview",
      "aliases": [],
      "note": "Epoch lists o1-preview (2024-09-12) and o1 (2024-12-05) as two models"
    },
    {
      "id": "openai/o1-mini",
      "name": "o1-mini",
      "aliases": []
    },
    {
      "id": "openai/o3",
      "name": "o3",
      "aliases": []
    },
    {
      "id": "openai/o3-mini",
      "name": "o3-mini",
      "aliases": []
    },
    {
      "id": "openai/gpt-5",
      "name": "GPT-5",
      "aliases": []
    },
    {
      "id": "openai/gpt-5-chat",
      "name": "GPT-5 Chat",
      "aliases": [
        "gpt-5-chat-latest",
        "GPT-5 (ChatGPT)"
      ]
    },
    {
      "id": "openai/gpt-5.1",
      "name": "GPT-5.1",
      "aliases": []
    },
    {
      "id": "openai/gpt-5.1-instant",
      "name": "GPT-5.1 Instant",
      "aliases": [
        "gpt-5.1-chat",
        "gpt-5.1-chat-latest"
      ],
      "note": "Epoch lists GPT-5.1 Instant apart from GPT-5.1; the API serves it as gpt-5.1-chat-latest"
    },
    {
      "id": "openai/gpt-oss-120b",
      "name": "gpt-oss-120b",
      "aliases": []
    },
    {
      "id": "anthropic/claude",
      "name": "Claude",
      "aliases": [
        "Claude-1",
        "Claude 1",
        "claude-v1"
      ],
      "note": "the bare raw name \"claude\" is excluded (exclusions.yaml); only spelled-out Claude 1 names land here"
    },
    {
      "id": "anthropic/claude-2",
      "name": "Claude 2",
      "aliases": [
        "Claude-2.0",
        "claude-2.0"
      ]
    },
    {
      "id": "anthropic/claude-2.1",
      "name": "Claude 2.1",
      "aliases": []
    },
    {
      "id": "anthropic/claude-3-opus",
      "name": "Claude 3 Opus",
      "aliases": []
    },
    {
      "id": "anthropic/claude-3.5-sonnet",
      "name": "Claude 3.5 Sonnet",
      "aliases": []
    },
    {
      "id": "anthropic/claude-3.7-sonnet",
      "name": "Claude 3.7 Sonnet",
      "aliases": []
    },
    {
      "id": "anthropic/claude-opus-4",
      "name": "Claude Opus 4",
      "aliases": []
    },
    {
      "id": "anthropic/claude-opus-4.1",
      "name": "Claude Opus 4.1",
      "aliases": []
    },
    {
      "id": "anthropic/claude-opus-4.5",
      "name": "Claude Opus 4.5",
      "aliases": []
    },
    {
      "id": "google/gemini-1.0-pro",
      "name": "Gemini 1.0 Pro",
      "aliases": [
        "Gemini Pro",
        "gemini-pro-dev-api",
        "Gemini App (2024-01-24)",
        "gemini-1.0-pro-001"
      ]
    },
    {
      "id": "google/gemini-1.0-ultra",
      "name": "Gemini 1.0 Ultra",
      "aliases": [
        "Gemini Ultra",
        "gemini-ultra"
      ]
    },
    {
      "id": "google/gemini-1.5-pro",
      "name": "Gemini 1.5 Pro",
      "aliases": []
    },
    {
      "id": "google/gemini-2.0-pro",
      "name": "Gemini 2.0 Pro",
      "aliases": []
    },
    {
      "id": "google/gemini-2.0-flash-thinking",
      "name": "Gemini 2.0 Flash Thinking",
      "aliases": [],
      "note": "Epoch lists Gemini 2.0 Flash Thinking as a model of its own, so \"-thinking\" is not stripped here"
    },
    {
      "id": "google/gemini-2.5-pro",
      "name": "Gemini 2.5 Pro",
      "aliases": [
        "Gemini 2.5 Pro (Jun 2025)"
      ],
      "note": "the base is the June 2025 GA checkpoint; Epoch's March and May 2025 releases are separate"
    },
    {
      "id": "google/gemini-2.5-pro-2025-03",
      "name": "Gemini 2.5 Pro (Mar 2025)",
      "aliases": [],
      "releaseOf": "google/gemini-2.5-pro",
      "releaseDates": [
        "2025-03-25",
        "2025-03"
      ]
    },
    {
      "id": "google/gemini-2.5-pro-2025-05",
      "name": "Gemini 2.5 Pro (May 2025)",
      "aliases": [],
      "releaseOf": "google/gemini-2.5-pro",
      "releaseDates": [
        "2025-05-06",
        "2025-05"
      ]
    },
    {
      "id": "google/gemini-3-pro",
      "name": "Gemini 3 Pro",
      "aliases": []
    },
    {
      "id": "meta/llama-3.1-405b",
      "name": "Llama 3.1 405B",
      "aliases": [
        "Llama 3.1-405B",
        "Meta-Llama-3.1-405B"
      ]
    },
    {
      "id": "meta/llama-4-behemoth",
      "name": "Llama 4 Behemoth",
      "aliases": []
    },
    {
      "id": "meta/llama-4-maverick",
      "name": "Llama 4 Maverick",
      "aliases": [
        "llama-4-maverick-17b-128e",
        "Llama-4-Maverick-03-26-Experimental"
      ]
    },
    {
      "id": "meta/llama-4-scout",
      "name": "Llama 4 Scout",
      "aliases": [
        "llama-4-scout-17b-16e"
      ]
    },
    {
      "id": "xai/grok-2",
      "name": "Grok-2",
      "aliases": []
    },
    {
      "id": "xai/grok-3",
      "name": "Grok 3",
      "aliases": [
        "chocolate (Early Grok-3)",
        "chocolate"
      ]
    },
    {
      "id": "xai/grok-4",
      "name": "Grok 4",
      "aliases": []
    },
    {
      "id": "mistral/mistral-large",
      "name": "Mistral Large",
      "aliases": [
        "mistral-large-2402",
        "Mistral Large (Feb)"
      ]
    },
    {
      "id": "mistral/mistral-large-2",
      "name": "Mistral Large 2",
      "aliases": [
        "mistral-large-2407",
        "Mistral-Large-Instruct-2407"
      ]
    },
    {
      "id": "mistral/mistral-large-2.1",
      "name": "Mistral Large 2.1",
      "aliases": [
        "mistral-large-2411",
        "Mistral-Large-Instruct-2411"
      ],
      "releaseOf": "mistral/mistral-large-2",
      "releaseDates": [
        "2024-11"
      ],
      "note": "Artificial Analysis writes it \"Mistral Large 2 (Nov)\""
    },
    {
      "id": "mistral/mistral-large-3",
      "name": "Mistral Large 3",
      "aliases": [
        "mistral-large-2512",
        "Mistral Large 3 2512"
      ]
    },
    {
      "id": "mistral/mistral-medium-3",
      "name": "Mistral Medium 3",
      "aliases": [
        "mistral-medium-2505"
      ]
    },
    {
      "id": "mistral/mistral-medium-3.1",
      "name": "Mistral Medium 3.1",
      "aliases": [
        "mistral-medium-2508"
      ]
    },
    {
      "id": "mistral/mistral-small-3",
      "name": "Mistral Small 3",
      "aliases": [
        "mistral-small-2501",
        "mistral-small-24b-2501",
        "Mistral-Small-24B-Instruct-2501"
      ]
    },
    {
      "id": "mistral/mistral-small-3.1",
      "name": "Mistral Small 3.1",
      "aliases": [
        "mistral-small-2503",
        "mistral-small-3.1-24b",
        "mistral-small-3.1-24b-2503"
      ]
    },
    {
      "id": "mistral/mistral-small-3.2",
      "name": "Mistral Small 3.2",
      "aliases": [
        "mistral-small-2506",
        "mistral-small-3.2-24b",
        "mistral-small-3.2-24b-2506",
        "mistral-small-3.2-2506"
      ]
    },
    {
      "id": "mistral/mistral-small-4",
      "name": "Mistral Small 4",
      "aliases": [
        "mistral-small-2603",
        "Mistral-Small-4-119B-2603"
      ]
    },
    {
      "id": "mistral/magistral-medium-1",
      "name": "Magistral Medium 1",
      "aliases": [
        "magistral-medium-2506"
      ]
    },
    {
      "id": "mistral/pixtral-large",
      "name": "Pixtral Large",
      "aliases": [
        "pixtral-large-2411"
      ]
    },
    {
      "id": "mistral/devstral-2",
      "name": "Devstral 2",
      "aliases": [
        "devstral-2512",
        "Devstral 2 2512"
      ]
    },
    {
      "id": "mistral/mixtral-8x22b",
      "name": "Mixtral 8x22B",
      "aliases": [
        "mixtral-8x22b-v0.1"
      ]
    },
    {
      "id": "deepseek/deepseek-v3",
      "name": "DeepSeek-V3",
      "aliases": [
        "deepseek-chat",
        "deepseek-chat-v3"
      ],
      "note": "deepseek-chat is the API name that served V3 when OpenRouter and the arena listed it"
    },
    {
      "id": "deepseek/deepseek-v3-2025-03",
      "name": "DeepSeek-V3 (Mar 2025)",
      "aliases": [],
      "releaseOf": "deepseek/deepseek-v3",
      "releaseDates": [
        "2025-03-24"
      ]
    },
    {
      "id": "deepseek/deepseek-r1",
      "name": "DeepSeek-R1",
      "aliases": []
    },
    {
      "id": "deepseek/deepseek-r1-2025-05",
      "name": "DeepSeek-R1 (May 2025)",
      "aliases": [],
      "releaseOf": "deepseek/deepseek-r1",
      "releaseDates": [
        "2025-05-28"
      ]
    },
    {
      "id": "deepseek/deepseek-coder-v2",
      "name": "DeepSeek-Coder-V2",
      "aliases": [
        "DeepSeek-Coder-V2 236B"
      ]
    },
    {
      "id": "deepseek/deepseek-v2",
      "name": "DeepSeek-V2",
      "aliases": [
        "DeepSeek-V2 (MoE-236B)"
      ]
    },
    {
      "id": "alibaba/qwen3-235b-a22b",
      "name": "Qwen3-235B-A22B",
      "aliases": [
        "Qwen3 235B"
      ],
      "note": "the April 2025 hybrid model; its thinking and no-thinking modes are the same weights"
    },
    {
      "id": "alibaba/qwen3-235b-a22b-2507",
      "name": "Qwen3-235B-A22B (Jul 2025)",
      "aliases": [
        "Qwen3 235B 2507",
        "qwen3-235b-a22b-instruct-2507"
      ],
      "releaseOf": "alibaba/qwen3-235b-a22b",
      "releaseDates": [
        "2025-07"
      ],
      "note": "the July 2025 Instruct release; the Thinking-2507 weights are a separate model"
    },
    {
      "id": "alibaba/qwen3-30b-a3b",
      "name": "Qwen3-30B-A3B",
      "aliases": [
        "Qwen3 30B"
      ]
    },
    {
      "id": "alibaba/qwen3-coder-480b-a35b",
      "name": "Qwen3-Coder-480B-A35B",
      "aliases": [
        "Qwen3 Coder 480B",
        "qwen3-coder"
      ],
      "note": "OpenRouter's id qwen/qwen3-coder is named \"Qwen3 Coder 480B A35B\""
    },
    {
      "id": "alibaba/qwen3-max",
      "name": "Qwen3-Max",
      "aliases": []
    },
    {
      "id": "alibaba/qwen3-max-thinking",
      "name": "Qwen3-Max-Thinking",
      "aliases": [],
      "note": "Epoch lists it apart from Qwen3-Max (released 2026-01-25)"
    },
    {
      "id": "alibaba/qwq-32b-preview",
      "name": "QwQ-32B-Preview",
      "aliases": [],
      "note": "the November 2024 preview is different weights from QwQ-32B (March 2025)"
    },
    {
      "id": "alibaba/qwen2.5-72b",
      "name": "Qwen2.5-72B",
      "aliases": [
        "Qwen2.5 Instruct (72B)",
        "Qwen2.5 72B"
      ]
    },
    {
      "id": "zhipu/glm-4",
      "name": "GLM-4",
      "aliases": []
    },
    {
      "id": "zhipu/glm-4-0116",
      "name": "GLM-4 (0116)",
      "aliases": [],
      "releaseOf": "zhipu/glm-4",
      "releaseDates": [
        "2024-01-16"
      ]
    },
    {
      "id": "zhipu/glm-4-0520",
      "name": "GLM-4 (0520)",
      "aliases": [],
      "releaseOf": "zhipu/glm-4",
      "releaseDates": [
        "2024-05-20"
      ]
    },
    {
      "id": "zhipu/glm-4-plus",
      "name": "GLM-4-Plus",
      "aliases": []
    },
    {
      "id": "moonshot/kimi-k2",
      "name": "Kimi K2",
      "aliases": []
    },
    {
      "id": "moonshot/kimi-k2-0905",
      "name": "Kimi K2 0905",
      "aliases": [],
      "releaseOf": "moonshot/kimi-k2",
      "releaseDates": [
        "2025-09-05"
      ],
      "note": "Kimi-K2-Instruct-0905 is a separately published checkpoint"
    },
    {
      "id": "moonshot/kimi-k2-thinking",
      "name": "Kimi K2 Thinking",
      "aliases": [],
      "note": "a separately published model (Kimi-K2-Thinking), not a mode of Kimi K2"
    },
    {
      "id": "moonshot/kimi-k3",
      "name": "Kimi K3",
      "aliases": []
    },
    {
      "id": "bytedance/doubao-pro",
      "name": "Doubao-pro",
      "aliases": []
    },
    {
      "id": "nvidia/nemotron-4-340b",
      "name": "Nemotron-4 340B",
      "aliases": []
    },
    {
      "id": "nvidia/llama-3.1-nemotron-ultra-253b",
      "name": "Llama Nemotron Ultra 253B",
      "aliases": [
        "Llama Nemotron Ultra",
        "llama-nemotron-ultra-253b"
      ]
    },
    {
      "id": "nvidia/nemotron-3-super-120b-a12b",
      "name": "Nemotron 3 Super",
      "aliases": [
        "Nemotron 3 Super",
        "NVIDIA Nemotron 3 Super"
      ]
    },
    {
      "id": "nvidia/nemotron-3-ultra-550b-a55b",
      "name": "Nemotron 3 Ultra",
      "aliases": [
        "Nemotron 3 Ultra"
      ]
    },
    {
      "id": "nvidia/llama-3.3-nemotron-super-49b-v1.5",
      "name": "Llama 3.3 Nemotron Super 49B v1.5",
      "aliases": [
        "Llama Nemotron Super 49B v1.5",
        "Llama Nemotron Super v1.5"
      ]
    },
    {
      "id": "ai21/jamba-1.7-large",
      "name": "Jamba 1.7 Large",
      "aliases": [
        "Jamba Large 1.7"
      ]
    },
    {
      "id": "deepcogito/cogito-v2.1-671b",
      "name": "Cogito v2.1 671B",
      "aliases": [
        "Cogito v2.1"
      ]
    },
    {
      "id": "inflection/inflection-2",
      "name": "Inflection-2",
      "aliases": []
    },
    {
      "id": "saudi-aramco/metabrain",
      "name": "Aramco Metabrain AI",
      "aliases": [
        "Aramco Metabrain"
      ]
    },
    {
      "id": "huawei/pangu-ultra",
      "name": "Pangu Ultra",
      "aliases": []
    },
    {
      "id": "cursor/composer-2.5",
      "name": "Composer 2.5",
      "aliases": []
    },
    {
      "id": "amazon/nova-pro",
      "name": "Amazon Nova Pro",
      "aliases": []
    },
    {
      "id": "perplexity/sonar-reasoning",
      "name": "Sonar Reasoning",
      "aliases": [],
      "note": "a different model from Sonar, so \"reasoning\" is not stripped here"
    }
  ]
};

export const DEFAULT_EXCLUSION_CONFIG: ExclusionConfig = {
  "rules": [
    {
      "match": "exact",
      "pattern": "gpt",
      "reason": "bare family name, not a model"
    },
    {
      "match": "exact",
      "pattern": "claude",
      "reason": "bare family name, not a model",
      "exceptSources": [
        "epoch"
      ]
    },
    {
      "match": "exact",
      "pattern": "llama",
      "reason": "bare family name, not a model"
    },
    {
      "match": "exact",
      "pattern": "gemini",
      "reason": "bare family name, not a model"
    },
    {
      "match": "exact",
      "pattern": "mistral",
      "reason": "bare family name, not a model"
    },
    {
      "match": "exact",
      "pattern": "deepseek",
      "reason": "bare family name, not a model"
    },
    {
      "match": "exact",
      "pattern": "qwen",
      "reason": "bare family name, not a model"
    },
    {
      "match": "exact",
      "pattern": "grok",
      "reason": "bare family name, not a model"
    },
    {
      "match": "regex",
      "pattern": "^openrouter/(auto|free|pareto-code|bodybuilder)$",
      "reason": "OpenRouter router or tool, not a model"
    },
    {
      "match": "exact",
      "pattern": "Auto Router",
      "reason": "OpenRouter router, not a model"
    },
    {
      "match": "exact",
      "pattern": "Free Models Router",
      "reason": "OpenRouter router, not a model"
    },
    {
      "match": "exact",
      "pattern": "Pareto Code Router",
      "reason": "OpenRouter router, not a model"
    },
    {
      "match": "regex",
      "pattern": "^Body Builder\\b",
      "reason": "OpenRouter tool, not a model"
    },
    {
      "match": "regex",
      "pattern": "^switchpoint/router$|^Switchpoint Router$",
      "reason": "third-party router, not a model"
    },
    {
      "match": "regex",
      "pattern": "^~",
      "reason": "moving alias to the latest model of a family, not a model"
    },
    {
      "match": "regex",
      "pattern": "^[^0-9]*\\blatest$",
      "reason": "moving alias with no version (it points at whichever model is newest), not a model"
    },
    {
      "match": "regex",
      "pattern": "^(anonymous|anon|test|dummy)([-_ ].*)?$",
      "reason": "arena test or anonymous entry"
    },
    {
      "match": "regex",
      "pattern": "(^|[-_ /])(text-)?embed(ding)?([-_ ]|$)",
      "reason": "embedding model"
    },
    {
      "match": "regex",
      "pattern": "(^|[-_ /])rerank(er)?([-_ ]|$)",
      "reason": "reranking model"
    },
    {
      "match": "regex",
      "pattern": "(^|[-_ /])(omni-)?moderation([-_ ]|$)",
      "reason": "moderation model"
    }
  ]
};

/** SHA-256 of the YAML texts above: `loadAliasConfig` and `loadExclusionConfig` skip parsing an identical text. */
export const DEFAULT_ALIAS_YAML_SHA256 = 'a7b94600aa0a454e1051faf57b4f8be585975f7702cc35fceccbbd62ad3b0ccc';
export const DEFAULT_EXCLUSION_YAML_SHA256 = 'bd432b835a5598086c4e1166c6fec02fa06898165d6eb07158f46319d7c6518a';
