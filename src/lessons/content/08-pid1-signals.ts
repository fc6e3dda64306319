import { all, not, someContainer } from '../predicates.ts';
import type { Lesson } from '../types.ts';

/** Exited after SIGKILL (128 + 9), not by the OOM killer. */
const killedAfterTimeout = someContainer((c) => c.status === 'exited' && c.exitCode === 137 && !c.oomKilled);
/** Exited on SIGTERM (128 + 15). */
const stoppedBySigterm = someContainer((c) => c.status === 'exited' && c.exitCode === 143);
const restarted = someContainer((c) => c.restartCount > 0);

/** Lesson 8: PID 1 and signals (`docker stop`, `--init`), and restart policies. */
export const pid1Signals: Lesson = {
  id: 'pid1-signals',
  order: 8,
  title: { en: 'PID 1, signals and restart policies', 'pt-BR': 'PID 1, sinais e políticas de reinício' },
  intro: {
    en: 'docker stop sends SIGTERM to the container’s PID 1, waits 10 seconds, then sends SIGKILL. But PID 1 is special: the kernel does not apply a signal’s default action to it, so a program with no SIGTERM handler simply ignores it. And when PID 1 exits, a restart policy decides whether Docker starts it again.',
    'pt-BR': 'O docker stop manda SIGTERM para o PID 1 do contêiner, espera 10 segundos e depois manda SIGKILL. Só que o PID 1 é especial: o kernel não aplica a ação padrão de um sinal a ele, então um programa sem tratador de SIGTERM simplesmente ignora o sinal. E quando o PID 1 termina, a política de reinício decide se o Docker sobe ele de novo.',
  },
  steps: [
    {
      run: 'docker run -d --name sleeper alpine sleep 1000',
      say: { en: 'sleep runs as PID 1 and has no SIGTERM handler.', 'pt-BR': 'O sleep roda como PID 1 e não tem tratador de SIGTERM.' },
    },
    {
      run: 'docker stop sleeper',
      say: {
        en: 'Count: about 10 seconds. SIGTERM was ignored, so Docker fell back to SIGKILL: exit code 137 (128 + 9).',
        'pt-BR': 'Conte: uns 10 segundos. O SIGTERM foi ignorado, então o Docker apelou para o SIGKILL: código de saída 137 (128 + 9).',
      },
    },
    {
      run: 'docker run -d --name tini --init alpine sleep 1000',
      say: {
        en: 'With --init, Docker puts a tiny init (docker-init) as PID 1; sleep becomes its child (check with docker exec tini ps).',
        'pt-BR': 'Com --init, o Docker coloca um init minúsculo (docker-init) como PID 1; o sleep vira filho dele (confira com docker exec tini ps).',
      },
    },
    {
      run: 'docker stop tini',
      say: {
        en: 'Immediate: docker-init forwards SIGTERM to sleep, which is not PID 1 and dies of it. Exit code 143 (128 + 15).',
        'pt-BR': 'Na hora: o docker-init repassa o SIGTERM ao sleep, que não é PID 1 e morre com ele. Código de saída 143 (128 + 15).',
      },
    },
    {
      run: 'docker run -d --name flaky --restart on-failure:3 alpine sh -c "sleep 1; exit 1"',
      say: {
        en: 'A program that fails after a second, with a restart policy: Docker starts it again, at most 3 times.',
        'pt-BR': 'Um programa que falha depois de um segundo, com política de reinício: o Docker sobe ele de novo, no máximo 3 vezes.',
      },
    },
    {
      run: "docker inspect -f '{{.RestartCount}}' flaky",
      say: {
        en: 'Wait a few seconds and ask again: the count climbs to 3, then the container stays exited.',
        'pt-BR': 'Espere alguns segundos e pergunte de novo: a contagem sobe até 3, depois o contêiner fica parado.',
      },
    },
  ],
  goals: [
    {
      id: 'sigterm-ignored',
      text: { en: 'A PID 1 ignored SIGTERM and was killed (exit 137)', 'pt-BR': 'Um PID 1 ignorou o SIGTERM e foi morto (saída 137)' },
      met: killedAfterTimeout,
    },
    {
      id: 'init-forwards',
      text: { en: 'A container stopped on SIGTERM (exit 143)', 'pt-BR': 'Um contêiner parou com o SIGTERM (saída 143)' },
      met: stoppedBySigterm,
    },
    {
      id: 'restarted',
      text: { en: 'Docker restarted a container after it failed', 'pt-BR': 'O Docker reiniciou um contêiner depois que ele falhou' },
      met: restarted,
    },
  ],
  hints: [
    {
      id: 'try-init',
      when: all(killedAfterTimeout, not(stoppedBySigterm)),
      text: {
        en: 'That stop took 10 seconds and ended in SIGKILL. Start the same command with --init and stop it again.',
        'pt-BR': 'Esse stop levou 10 segundos e terminou em SIGKILL. Suba o mesmo comando com --init e pare de novo.',
      },
    },
    {
      id: 'no-policy',
      when: all(not(restarted), someContainer((c) => c.status === 'exited' && c.exitCode !== 0 && c.exitCode < 128)),
      text: {
        en: 'A container failed and stayed down: without a restart policy Docker leaves it exited. Run it with --restart on-failure:3.',
        'pt-BR': 'Um contêiner falhou e ficou parado: sem política de reinício o Docker deixa ele assim. Rode com --restart on-failure:3.',
      },
    },
  ],
  quiz: [
    {
      id: 'why-slow',
      question: { en: 'Why did docker stop sleeper take 10 seconds?', 'pt-BR': 'Por que o docker stop sleeper levou 10 segundos?' },
      choices: [
        { en: 'sleep was busy finishing its work', 'pt-BR': 'O sleep estava ocupado terminando o trabalho' },
        { en: 'As PID 1 without a handler, sleep ignored SIGTERM; Docker sent SIGKILL after the timeout', 'pt-BR': 'Como PID 1 sem tratador, o sleep ignorou o SIGTERM; o Docker mandou SIGKILL depois do prazo' },
        { en: 'Docker always waits 10 seconds before stopping', 'pt-BR': 'O Docker sempre espera 10 segundos antes de parar' },
      ],
      answer: 1,
      explain: {
        en: 'The tini container stopped at once with the same command: the difference is who is PID 1.',
        'pt-BR': 'O contêiner tini parou na hora com o mesmo comando: a diferença é quem é o PID 1.',
      },
    },
    {
      id: 'init',
      question: { en: 'What does --init add?', 'pt-BR': 'O que o --init acrescenta?' },
      choices: [
        { en: 'A full init system such as systemd', 'pt-BR': 'Um sistema de init completo, como o systemd' },
        { en: 'A restart policy', 'pt-BR': 'Uma política de reinício' },
        { en: 'A tiny PID 1 that forwards signals and reaps zombies', 'pt-BR': 'Um PID 1 minúsculo que repassa sinais e recolhe processos zumbis' },
      ],
      answer: 2,
      explain: { en: 'docker-init is tini, bundled with Docker.', 'pt-BR': 'O docker-init é o tini, que vem com o Docker.' },
    },
    {
      id: 'on-failure',
      question: { en: 'What does --restart on-failure:3 do?', 'pt-BR': 'O que faz o --restart on-failure:3?' },
      choices: [
        { en: 'Restarts the container up to 3 times when it exits with a non-zero code', 'pt-BR': 'Reinicia o contêiner até 3 vezes quando ele sai com código diferente de zero' },
        { en: 'Restarts it every 3 seconds', 'pt-BR': 'Reinicia o contêiner a cada 3 segundos' },
        { en: 'Restarts it 3 times even after docker stop', 'pt-BR': 'Reinicia 3 vezes mesmo depois de um docker stop' },
      ],
      answer: 0,
      explain: { en: 'RestartCount reached 3 and the container stayed exited.', 'pt-BR': 'O RestartCount chegou a 3 e o contêiner ficou parado.' },
    },
  ],
  solution: [
    'docker run -d --name sleeper alpine sleep 1000',
    'docker stop sleeper',
    'docker run -d --name tini --init alpine sleep 1000',
    'docker stop tini',
    'docker run -d --name flaky --restart on-failure:3 alpine sh -c "sleep 1; exit 1"',
    'sleep 10',
    "docker inspect -f '{{.RestartCount}}' flaky",
  ],
};
