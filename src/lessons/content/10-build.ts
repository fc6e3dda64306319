import { all, buildAllCached, buildCacheThenRebuild, buildFailed, buildTagged, imagesShareLayer, not } from '../predicates.ts';
import type { Lesson } from '../types.ts';

/** Lesson 10: `docker build`: a Dockerfile's steps become layers; the build cache reuses them. */
export const build: Lesson = {
  id: 'build',
  order: 10,
  title: { en: 'Images and docker build', 'pt-BR': 'Imagens e docker build' },
  intro: {
    en: 'A Dockerfile is the recipe of an image: FROM picks the base layers, and each RUN, COPY or ADD adds one layer on top. docker build runs the steps with BuildKit and caches each layer, so a rebuild redoes only what changed, and everything after it. The files are in app/ (open them in the Files tab); follow the build in the Layers view.',
    'pt-BR': 'O Dockerfile é a receita de uma imagem: o FROM escolhe as camadas base, e cada RUN, COPY ou ADD acrescenta uma camada por cima. O docker build executa os passos com o BuildKit e guarda cada camada em cache, então um novo build refaz só o que mudou, e tudo o que vem depois. Os arquivos estão em app/ (abra na aba Arquivos); acompanhe o build pela aba Camadas.',
  },
  files: {
    'app/Dockerfile': 'FROM alpine\nRUN apk add --no-cache curl\nCOPY greeting.txt /greeting.txt\nCMD ["cat", "/greeting.txt"]\n',
    'app/greeting.txt': 'hello from my first image\n',
  },
  steps: [
    {
      run: 'cat app/Dockerfile',
      say: { en: 'Read the recipe: a base, two layer-making steps, and the default command.', 'pt-BR': 'Leia a receita: uma base, dois passos que criam camadas e o comando padrão.' },
    },
    {
      run: 'docker build -t hello app',
      say: {
        en: 'Build it from the app directory (the build context) and name it hello. Each numbered step is a BuildKit vertex.',
        'pt-BR': 'Faça o build a partir do diretório app (o contexto do build) e dê o nome hello. Cada passo numerado é um vértice do BuildKit.',
      },
    },
    {
      run: 'docker history hello',
      say: {
        en: 'The layers, newest first: your COPY and RUN on top of alpine’s layer. CMD adds metadata, not a layer (0B).',
        'pt-BR': 'As camadas, da mais nova para a mais antiga: o seu COPY e o seu RUN em cima da camada do alpine. O CMD acrescenta metadado, não camada (0B).',
      },
    },
    {
      run: 'docker run --rm hello',
      say: { en: 'Run it: CMD prints the greeting.', 'pt-BR': 'Rode: o CMD mostra a saudação.' },
    },
    {
      run: "echo 'and hello again' >> app/greeting.txt",
      say: { en: 'Change a file the COPY step uses.', 'pt-BR': 'Altere um arquivo que o passo COPY usa.' },
    },
    {
      run: 'docker build -t hello app',
      say: {
        en: 'Rebuild: FROM and RUN say CACHED, COPY runs again because its input changed. Put steps that change often last.',
        'pt-BR': 'Refaça o build: o FROM e o RUN aparecem como CACHED, o COPY roda de novo porque a entrada dele mudou. Deixe por último os passos que mudam muito.',
      },
    },
    {
      run: 'docker images',
      say: {
        en: 'The old image lost its name (<none>) but shares its alpine and RUN layers with the new hello: stored once.',
        'pt-BR': 'A imagem antiga perdeu o nome (<none>), mas divide as camadas do alpine e do RUN com o novo hello: guardadas uma vez só.',
      },
    },
  ],
  goals: [
    {
      id: 'built',
      text: { en: 'You built and named an image', 'pt-BR': 'Você fez o build de uma imagem com nome' },
      met: buildTagged,
    },
    {
      id: 'cache',
      text: { en: 'A rebuild reused cached layers up to the step that changed', 'pt-BR': 'Um novo build reaproveitou o cache até o passo que mudou' },
      met: buildCacheThenRebuild,
    },
    {
      id: 'shared',
      text: { en: 'Two images share layers', 'pt-BR': 'Duas imagens compartilham camadas' },
      met: imagesShareLayer,
    },
  ],
  hints: [
    {
      id: 'build-failed',
      when: all(buildFailed, not(buildTagged)),
      text: {
        en: 'The build failed: the step marked ERROR says why. Check the Dockerfile in app/ and that the context is app.',
        'pt-BR': 'O build falhou: o passo marcado com ERROR diz o motivo. Confira o Dockerfile em app/ e se o contexto é app.',
      },
    },
    {
      id: 'all-cached',
      when: all(buildAllCached, not(buildCacheThenRebuild)),
      text: {
        en: 'Nothing changed, so every step came from the cache. Change app/greeting.txt, then build again.',
        'pt-BR': 'Nada mudou, então todos os passos vieram do cache. Altere o app/greeting.txt e faça o build de novo.',
      },
    },
  ],
  quiz: [
    {
      id: 'layers',
      question: { en: 'Which Dockerfile instructions add a filesystem layer?', 'pt-BR': 'Quais instruções do Dockerfile acrescentam uma camada de arquivos?' },
      choices: [
        { en: 'Every instruction', 'pt-BR': 'Todas as instruções' },
        { en: 'RUN, COPY and ADD', 'pt-BR': 'RUN, COPY e ADD' },
        { en: 'Only FROM', 'pt-BR': 'Só o FROM' },
      ],
      answer: 1,
      explain: { en: 'docker history showed CMD at 0B: metadata only.', 'pt-BR': 'O docker history mostrou o CMD com 0B: só metadado.' },
    },
    {
      id: 'cache',
      question: { en: 'You change a file used by the second-to-last step. What does the rebuild redo?', 'pt-BR': 'Você altera um arquivo usado pelo penúltimo passo. O que o novo build refaz?' },
      choices: [
        { en: 'Everything', 'pt-BR': 'Tudo' },
        { en: 'Only that step', 'pt-BR': 'Só aquele passo' },
        { en: 'That step and every step after it', 'pt-BR': 'Aquele passo e todos os que vêm depois' },
      ],
      answer: 2,
      explain: {
        en: 'Each layer is built on the one below, so a changed step invalidates the cache from there on.',
        'pt-BR': 'Cada camada é construída sobre a de baixo, então um passo alterado invalida o cache dali em diante.',
      },
    },
  ],
  solution: [
    'cat app/Dockerfile',
    'docker build -t hello app',
    'docker history hello',
    'docker run --rm hello',
    "echo 'and hello again' >> app/greeting.txt",
    'docker build -t hello app',
    'docker images',
  ],
};
