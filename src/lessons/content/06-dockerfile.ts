import { all, buildAllCached, buildCacheThenRebuild, buildFailed, buildTagged, imagesShareLayer, not } from '../predicates.ts';
import type { Lesson } from '../types.ts';

/**
 * Lesson 6: the Dockerfile: FROM, RUN, COPY, EXPOSE, CMD; `docker build` turns the steps into
 * layers and configuration, and the build cache (BuildKit, solver/llbsolver) reuses every layer
 * up to the first step whose instruction or inputs changed.
 */
export const build: Lesson = {
  id: 'build',
  order: 6,
  title: { en: 'The Dockerfile and docker build', 'pt-BR': 'O Dockerfile e o docker build' },
  intro: {
    en: 'A Dockerfile is the recipe of an image: FROM picks the base image, RUN runs a command and COPY brings files from the build context, each adding one layer on top; EXPOSE and CMD only write configuration (the port the program listens on, the command a container runs by default). docker build runs the steps with BuildKit and caches each layer, so a rebuild redoes only what changed, and everything after it. The files are in app/ (open them in the Files tab); follow the build in the Layers view.',
    'pt-BR': 'O Dockerfile é a receita de uma imagem: o FROM escolhe a imagem base, o RUN executa um comando e o COPY traz arquivos do contexto do build, e cada um acrescenta uma camada por cima; o EXPOSE e o CMD só gravam configuração (a porta em que o programa escuta, o comando que o contêiner roda por padrão). O docker build executa os passos com o BuildKit e guarda cada camada em cache, então um novo build refaz só o que mudou, e tudo o que vem depois. Os arquivos estão em app/ (abra na aba Arquivos); acompanhe o build pela aba Camadas.',
  },
  files: {
    'app/Dockerfile': 'FROM nginx\nRUN echo ok > /usr/share/nginx/html/health.txt\nCOPY index.html /usr/share/nginx/html/index.html\nEXPOSE 80\nCMD ["nginx", "-g", "daemon off;"]\n',
    'app/index.html': '<h1>hello from my first image</h1>\n',
  },
  steps: [
    {
      run: 'cat app/Dockerfile',
      say: {
        en: 'Read the recipe: nginx as the base, a RUN that writes a health file, a COPY of your page, the port nginx listens on, and the default command.',
        'pt-BR': 'Leia a receita: o nginx como base, um RUN que grava um arquivo de saúde, um COPY da sua página, a porta em que o nginx escuta e o comando padrão.',
      },
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
        en: 'Newest first: your CMD, EXPOSE, COPY and RUN on top of nginx’s own steps. CMD and EXPOSE are metadata (0B); RUN and COPY made layers.',
        'pt-BR': 'Do mais novo para o mais antigo: o seu CMD, EXPOSE, COPY e RUN em cima dos passos do próprio nginx. O CMD e o EXPOSE são metadados (0B); o RUN e o COPY criaram camadas.',
      },
    },
    {
      run: 'docker run -d --name web -p 8080:80 hello',
      say: {
        en: 'Run it. EXPOSE documents port 80 but opens nothing: -p publishes it on the host.',
        'pt-BR': 'Rode a imagem. O EXPOSE documenta a porta 80, mas não abre nada: quem publica no host é o -p.',
      },
    },
    {
      run: 'curl -s localhost:8080',
      say: { en: 'Your page, served by the CMD.', 'pt-BR': 'A sua página, servida pelo CMD.' },
    },
    {
      run: "echo '<p>and hello again</p>' >> app/index.html",
      say: { en: 'Change a file the COPY step uses.', 'pt-BR': 'Altere um arquivo que o passo COPY usa.' },
    },
    {
      run: 'docker build -t hello app',
      say: {
        en: 'Rebuild: FROM and RUN say CACHED, COPY runs again because its input changed (and so would every step after it). Editing a line of the Dockerfile invalidates the cache from that line on, too. Put the steps that change often last.',
        'pt-BR': 'Refaça o build: o FROM e o RUN aparecem como CACHED, o COPY roda de novo porque a entrada dele mudou (e todos os passos depois dele também rodariam). Editar uma linha do Dockerfile também invalida o cache dali em diante. Deixe por último os passos que mudam muito.',
      },
    },
    {
      run: 'docker images',
      say: {
        en: 'The old image lost its name (<none>): web still runs it. Both share nginx’s layers and your RUN layer, stored once.',
        'pt-BR': 'A imagem antiga perdeu o nome (<none>): o web ainda roda a partir dela. As duas compartilham as camadas do nginx e a do seu RUN, guardadas uma vez só.',
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
        en: 'Nothing changed, so every step came from the cache. Change app/index.html, then build again.',
        'pt-BR': 'Nada mudou, então todos os passos vieram do cache. Altere o app/index.html e faça o build de novo.',
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
      explain: { en: 'docker history showed EXPOSE and CMD at 0B: metadata only.', 'pt-BR': 'O docker history mostrou o EXPOSE e o CMD com 0B: só metadado.' },
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
    {
      id: 'expose',
      question: { en: 'What does EXPOSE 80 in a Dockerfile do?', 'pt-BR': 'O que faz o EXPOSE 80 num Dockerfile?' },
      choices: [
        { en: 'Publishes port 80 on the host', 'pt-BR': 'Publica a porta 80 no host' },
        { en: 'Records in the image that the program listens on port 80; -p still publishes it', 'pt-BR': 'Registra na imagem que o programa escuta na porta 80; quem publica continua sendo o -p' },
        { en: 'Opens port 80 in the container’s firewall', 'pt-BR': 'Abre a porta 80 no firewall do contêiner' },
      ],
      answer: 1,
      explain: {
        en: 'It is configuration (0B in the history); without -p 8080:80, curl localhost:8080 would get no answer.',
        'pt-BR': 'É configuração (0B no histórico); sem o -p 8080:80, o curl localhost:8080 ficaria sem resposta.',
      },
    },
  ],
  solution: [
    'cat app/Dockerfile',
    'docker build -t hello app',
    'docker history hello',
    'docker run -d --name web -p 8080:80 hello',
    'curl -s localhost:8080',
    "echo '<p>and hello again</p>' >> app/index.html",
    'docker build -t hello app',
    'docker images',
  ],
};
