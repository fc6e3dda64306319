import { all, buildFailed, imageSmaller, multiStageBuilt, not } from '../predicates.ts';
import type { Lesson } from '../types.ts';

/** Lesson 12: multi-stage builds: build with the tools, ship only the result. */
export const multiStage: Lesson = {
  id: 'multi-stage',
  order: 12,
  title: { en: 'Multi-stage builds', 'pt-BR': 'Builds multi-stage' },
  intro: {
    en: 'Building often needs tools the running program does not: compilers, package managers, curl. A multi-stage Dockerfile has several FROMs: earlier stages build, and the last one copies only the result (COPY --from). The tools never reach the final image. The files are in multi/.',
    'pt-BR': 'Para compilar, muitas vezes precisamos de ferramentas que o programa rodando não usa: compiladores, gerenciadores de pacotes, curl. Um Dockerfile multi-stage tem vários FROM: os primeiros estágios fazem o build, e o último copia só o resultado (COPY --from). As ferramentas nunca chegam à imagem final. Os arquivos estão em multi/.',
  },
  files: {
    'multi/Dockerfile':
      'FROM alpine AS builder\nRUN apk add --no-cache curl\nWORKDIR /src\nCOPY main.txt .\nRUN cp main.txt program && echo compiled >> program\n\nFROM busybox\nCOPY --from=builder /src/program /usr/local/bin/program\nCMD ["cat", "/usr/local/bin/program"]\n',
    'multi/main.txt': 'source code\n',
  },
  steps: [
    {
      run: 'cat multi/Dockerfile',
      say: {
        en: 'Two stages: builder (alpine with curl) makes the program; the final stage starts from busybox and copies just that file.',
        'pt-BR': 'Dois estágios: o builder (alpine com curl) gera o programa; o estágio final parte do busybox e copia só esse arquivo.',
      },
    },
    {
      run: 'docker build -t app multi',
      say: { en: 'Build: the step names show which stage each belongs to.', 'pt-BR': 'Faça o build: o nome de cada passo mostra a que estágio ele pertence.' },
    },
    {
      run: 'docker run --rm app',
      say: { en: 'The program runs from the small image.', 'pt-BR': 'O programa roda a partir da imagem pequena.' },
    },
    {
      run: 'docker build --target builder -t app:builder multi',
      say: {
        en: 'For comparison, keep the builder stage as an image of its own (all from the cache).',
        'pt-BR': 'Para comparar, guarde o estágio builder como uma imagem à parte (tudo vem do cache).',
      },
    },
    {
      run: 'docker images',
      say: {
        en: 'app is a fraction of app:builder: no alpine, no curl, just busybox and one file.',
        'pt-BR': 'O app é uma fração do app:builder: sem alpine, sem curl, só o busybox e um arquivo.',
      },
    },
    {
      run: 'docker history app',
      say: { en: 'Its layers: busybox’s, then the COPY. Nothing from the builder stage.', 'pt-BR': 'As camadas dele: a do busybox e depois a do COPY. Nada do estágio builder.' },
    },
  ],
  goals: [
    {
      id: 'multi-stage',
      text: { en: 'A build made layers in two stages', 'pt-BR': 'Um build criou camadas em dois estágios' },
      met: multiStageBuilt,
    },
    {
      id: 'slim',
      text: { en: 'The final image is smaller than its builder stage', 'pt-BR': 'A imagem final é menor que o estágio builder' },
      met: imageSmaller('app', 'app:builder'),
    },
  ],
  hints: [
    {
      id: 'build-failed',
      when: all(buildFailed, not(multiStageBuilt)),
      text: {
        en: 'The build failed: the step marked ERROR says why. The context is the multi directory: docker build -t app multi.',
        'pt-BR': 'O build falhou: o passo marcado com ERROR diz o motivo. O contexto é o diretório multi: docker build -t app multi.',
      },
    },
    {
      id: 'swapped',
      when: imageSmaller('app:builder', 'app'),
      text: {
        en: 'app is bigger than app:builder: did you build app with --target builder? Build the final stage as app (no --target) and the builder as app:builder.',
        'pt-BR': 'O app ficou maior que o app:builder: você fez o build do app com --target builder? Faça o build do estágio final como app (sem --target) e o do builder como app:builder.',
      },
    },
  ],
  quiz: [
    {
      id: 'what-ships',
      question: { en: 'What ends up in the final image of a multi-stage build?', 'pt-BR': 'O que vai parar na imagem final de um build multi-stage?' },
      choices: [
        { en: 'Every stage’s layers', 'pt-BR': 'As camadas de todos os estágios' },
        { en: 'The last stage’s base, plus what it copies or builds itself', 'pt-BR': 'A base do último estágio, mais o que ele copia ou gera' },
        { en: 'Only the first stage', 'pt-BR': 'Só o primeiro estágio' },
      ],
      answer: 1,
      explain: {
        en: 'docker history app showed busybox and the COPY, nothing of alpine or curl.',
        'pt-BR': 'O docker history app mostrou o busybox e o COPY, nada de alpine nem de curl.',
      },
    },
    {
      id: 'target',
      question: { en: 'What does --target builder do?', 'pt-BR': 'O que faz o --target builder?' },
      choices: [
        { en: 'Stops the build at the builder stage and tags that stage', 'pt-BR': 'Para o build no estágio builder e dá nome a esse estágio' },
        { en: 'Skips the builder stage', 'pt-BR': 'Pula o estágio builder' },
        { en: 'Pushes the image to a registry named builder', 'pt-BR': 'Envia a imagem para um registry chamado builder' },
      ],
      answer: 0,
      explain: { en: 'Handy for debugging a build or a test stage.', 'pt-BR': 'Útil para depurar um build ou rodar um estágio de testes.' },
    },
  ],
  solution: ['cat multi/Dockerfile', 'docker build -t app multi', 'docker run --rm app', 'docker build --target builder -t app:builder multi', 'docker images', 'docker history app'],
};
